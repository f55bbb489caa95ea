package dev.tapio.sensors.archfixture;

import dev.tapio.app.Main;

/** A deliberate boundary violation, used only to show that the architecture rules catch it. */
public final class ImportsTheCompositionRoot {
  private ImportsTheCompositionRoot() {}

  public static int callsTheApp() {
    return Main.run("version");
  }
}
