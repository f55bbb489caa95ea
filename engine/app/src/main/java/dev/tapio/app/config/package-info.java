/**
 * The configuration of {@code tapio run}: one schema ({@link dev.tapio.app.config.Settings}), read
 * from a YAML file, the environment and flags (flag &gt; environment &gt; file &gt; default) into
 * one {@link dev.tapio.app.config.EffectiveConfig}, with every problem reported as {@code
 * file:line:column: message}.
 */
@NullMarked
package dev.tapio.app.config;

import org.jspecify.annotations.NullMarked;
