/** The image build's parts: commands, Debian packages, the JRE, layers and the OCI layout. */
@NullMarked
package dev.tapio.image.internal;

import org.jspecify.annotations.NullMarked;
