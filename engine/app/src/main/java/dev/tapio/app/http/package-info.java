/** The engine's HTTP listener: health, readiness, metrics. */
@NullMarked
package dev.tapio.app.http;

import org.jspecify.annotations.NullMarked;
