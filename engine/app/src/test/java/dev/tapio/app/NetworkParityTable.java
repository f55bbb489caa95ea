package dev.tapio.app;

import static dev.tapio.app.ParityTable.Status.CANNOT;
import static dev.tapio.app.ParityTable.Status.FIRES;

import dev.tapio.app.ParityTable.Row;
import java.util.List;

/**
 * The network actions of Falco's event generator ({@code events/syscall}: the ones whose target
 * rule reads socket events, or is tagged {@code network} in Falco's files), the rule each targets,
 * and what Tapio does with it live. {@code docs/falco-compatibility.md} shows this table and {@link
 * #OVERRIDES}, checked by {@link FalcoNetworkParityEndToEndTest}.
 *
 * <p>What a Falco user must do to see each rule, and what the test does alike:
 *
 * <ul>
 *   <li>The generator registers SystemProcsNetworkActivity, UnexpectedUDPTraffic,
 *       ContactEC2InstanceMetadataServiceFromContainer, LaunchSuspiciousNetworkToolInContainer and
 *       the two interpreted-program actions as disabled, because their rules are not in {@code
 *       falco_rules.yaml}: loading {@code falco-incubating_rules.yaml} and {@code
 *       falco-sandbox_rules.yaml} beside it is all the first four need (their rules are enabled in
 *       those files).
 *   <li>"Interpreted procs inbound network activity" and "... outbound ..." ship {@code enabled:
 *       false} in {@code falco-sandbox_rules.yaml}: a rules file after the three enables them with
 *       Falco's {@code override: enabled: replace} ({@link #OVERRIDES}).
 *   <li>No macro or list needs changing: the actions are chosen to match the shipped ones (ssh to
 *       443, one of {@code ssh_non_standard_ports}; UDP to 8192 and 22, outside {@code
 *       expected_udp_ports}; {@code sha1sum}, one of {@code coreutils_binaries}).
 * </ul>
 */
final class NetworkParityTable {
  private NetworkParityTable() {}

  /** The rules file that enables the rules Falco's files ship disabled, as a Falco user does. */
  static final String OVERRIDES =
      """
      - rule: Interpreted procs inbound network activity
        enabled: true
        override:
          enabled: replace

      - rule: Interpreted procs outbound network activity
        enabled: true
        override:
          enabled: replace
      """;

  static final List<Row> ROWS =
      List.of(
          new Row(
              "DisallowedSSHConnectionNonStandardPort",
              "Disallowed SSH Connection Non Standard Port",
              "falco_rules.yaml",
              FIRES,
              ""),
          new Row(
              "NetcatRemoteCodeExecutionInContainer",
              "Netcat Remote Code Execution in Container",
              "falco_rules.yaml",
              FIRES,
              ""),
          new Row(
              "NetcatRemoteCodeExecutionInContainer",
              "Redirect STDOUT/STDIN to Network Connection in Container",
              "falco_rules.yaml",
              FIRES,
              ""),
          new Row(
              "PacketSocketCreatedInContainer",
              "Packet socket created in container",
              "falco_rules.yaml",
              CANNOT,
              "no sensor reports `socket` (the rule reads `evt.type=socket` and"
                  + " `evt.arg.domain`); `tapio run` names the rule as unable to fire"),
          new Row(
              "SystemProcsNetworkActivity",
              "System procs network activity",
              "falco-incubating_rules.yaml",
              FIRES,
              ""),
          new Row(
              "UnexpectedUDPTraffic",
              "Unexpected UDP Traffic",
              "falco-incubating_rules.yaml",
              FIRES,
              ""),
          new Row(
              "ContactEC2InstanceMetadataServiceFromContainer",
              "Contact EC2 Instance Metadata Service From Container",
              "falco-incubating_rules.yaml",
              FIRES,
              ""),
          new Row(
              "ContactEC2InstanceMetadataServiceFromContainer",
              "Contact cloud metadata service from container",
              "falco-incubating_rules.yaml",
              CANNOT,
              "not on this action, as in Falco: its condition is the EC2 rule's, which comes first"
                  + " in the file, and with `rule_matching: first` (Falco's default) an event raises"
                  + " only the first rule it matches (disabling the EC2 rule lets this one alert)"),
          new Row(
              "LaunchSuspiciousNetworkToolInContainer",
              "Launch Suspicious Network Tool in Container",
              "falco-incubating_rules.yaml",
              FIRES,
              ""),
          new Row(
              "InterpretedProcsInboundNetworkActivity",
              "Interpreted procs inbound network activity",
              "falco-sandbox_rules.yaml",
              FIRES,
              ""),
          new Row(
              "InterpretedProcsOutboundNetworkActivity",
              "Interpreted procs outbound network activity",
              "falco-sandbox_rules.yaml",
              FIRES,
              ""));

  /** The table as Markdown. */
  static String markdown() {
    return ParityTable.markdown(ROWS);
  }
}
