/** Alerts: what a matched rule produces, and the priority scale shared by every sink. */
@NullMarked
package dev.tapio.api.alert;

import org.jspecify.annotations.NullMarked;
