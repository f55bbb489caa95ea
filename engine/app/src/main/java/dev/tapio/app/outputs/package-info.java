/** Where alerts go, as the configuration says: sinks, spool, rate limits. */
@NullMarked
package dev.tapio.app.outputs;

import org.jspecify.annotations.NullMarked;
