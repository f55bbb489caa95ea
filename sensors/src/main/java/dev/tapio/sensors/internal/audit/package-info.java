/**
 * The kernel's audit records (seccomp, AppArmor, SELinux, Landlock) as a second source of security
 * events, and the merge that keeps one event per violation seen by both sources.
 */
@NullMarked
package dev.tapio.sensors.internal.audit;

import org.jspecify.annotations.NullMarked;
