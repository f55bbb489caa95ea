package dev.tapio.rules.internal.report;

import dev.tapio.rules.diagnostics.Location;
import dev.tapio.rules.diagnostics.SourcePosition;
import java.util.ArrayList;
import java.util.List;

/** A context chain under construction: outermost location first. */
public record Context(List<Location> locations) {

  public Context {
    locations = List.copyOf(locations);
  }

  /** The chain for a whole file. */
  public static Context file(String name) {
    return new Context(List.of(new Location("rules content", "", SourcePosition.wholeFile(name))));
  }

  public Context in(String itemType, String itemName, SourcePosition position) {
    List<Location> l = new ArrayList<>(locations);
    l.add(new Location(itemType, itemName, position));
    return new Context(l);
  }

  public Context in(String itemType, SourcePosition position) {
    return in(itemType, "", position);
  }
}
