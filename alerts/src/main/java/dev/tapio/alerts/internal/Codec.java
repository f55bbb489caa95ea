package dev.tapio.alerts.internal;

import dev.tapio.api.alert.Alert;

/**
 * Turns an alert into what a sink sends, and that into spool bytes and back.
 *
 * @param <E> the encoded form of one alert
 */
public interface Codec<E> {

  E encode(Alert alert);

  byte[] toBytes(E encoded);

  E fromBytes(byte[] bytes);
}
