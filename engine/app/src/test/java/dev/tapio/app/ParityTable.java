package dev.tapio.app;

import static dev.tapio.app.ParityTable.Status.CANNOT;
import static dev.tapio.app.ParityTable.Status.FIRES;
import static dev.tapio.app.ParityTable.Status.FIXED;

import java.util.List;

/**
 * Which Falco rule each event-generator host action targets, and what Tapio does with it live on
 * this kernel. The end-to-end test holds every row to its status; {@code
 * docs/falco-compatibility.md} shows the same table ({@link #markdown()}), checked by that test.
 */
final class ParityTable {
  private ParityTable() {}

  /** What the target rule does when the action is performed under a live engine. */
  enum Status {
    /** It fires. */
    FIRES("fires"),
    /** It fires since a field it reads was made to match Falco on live events. */
    FIXED("fixed"),
    /** It cannot fire here; the row says why. */
    CANNOT("cannot");

    private final String label;

    Status(String label) {
      this.label = label;
    }

    boolean fires() {
      return this != CANNOT;
    }

    @Override
    public String toString() {
      return label;
    }
  }

  /**
   * One action and its rule.
   *
   * @param action the event generator's action ({@code syscall.<action>})
   * @param rule the Falco rule it targets
   * @param file the Falco rule file that holds the rule
   * @param status what the rule does live
   * @param why what was fixed, or why it cannot fire; empty when it simply fires
   */
  record Row(String action, String rule, String file, Status status, String why) {}

  private static final String PROC_ENV =
      "`proc.env` is read from the exec record (the first 4095 bytes of the new program's"
          + " environment); it was not collected";

  static final List<Row> ROWS =
      List.of(
          new Row("ClearLogActivities", "Clear Log Activities", "falco_rules.yaml", FIRES, ""),
          new Row(
              "CreateHardlinkOverSensitiveFiles",
              "Create Hardlink Over Sensitive Files",
              "falco_rules.yaml",
              FIRES,
              ""),
          new Row(
              "CreateSymlinkOverSensitiveFiles",
              "Create Symlink Over Sensitive Files",
              "falco_rules.yaml",
              FIRES,
              ""),
          new Row(
              "DirectoryTraversalMonitoredFileRead",
              "Directory traversal monitored file read",
              "falco_rules.yaml",
              FIRES,
              ""),
          new Row("ExecutionFromDevShm", "Execution from /dev/shm", "falco_rules.yaml", FIRES, ""),
          new Row(
              "FilelessExecutionViaMemfdCreate",
              "Fileless execution via memfd_create",
              "falco_rules.yaml",
              FIXED,
              "a memfd run through /proc/self/fd/N has no path to walk: the exec record now names"
                  + " it (`/memfd:NAME`), so `proc.is_exe_from_memfd` and `proc.exepath` hold"),
          new Row("FindAwsCredentials", "Find AWS Credentials", "falco_rules.yaml", FIRES, ""),
          new Row(
              "PtraceAntiDebugAttempt", "PTRACE anti-debug attempt", "falco_rules.yaml", FIRES, ""),
          new Row(
              "PtraceAttachedToProcess",
              "PTRACE attached to process",
              "falco_rules.yaml",
              FIRES,
              ""),
          new Row(
              "ReadSensitiveFileTrustedAfterStartup",
              "Read sensitive file trusted after startup",
              "falco_rules.yaml",
              FIRES,
              ""),
          new Row(
              "ReadSensitiveFileUntrusted",
              "Read sensitive file untrusted",
              "falco_rules.yaml",
              FIRES,
              ""),
          new Row(
              "RemoveBulkDataFromDisk",
              "Remove Bulk Data from Disk",
              "falco_rules.yaml",
              FIRES,
              ""),
          new Row("RunShellUntrusted", "Run shell untrusted", "falco_rules.yaml", FIRES, ""),
          new Row(
              "SearchPrivateKeysOrPasswords",
              "Search Private Keys or Passwords",
              "falco_rules.yaml",
              FIRES,
              ""),
          new Row(
              "SystemUserInteractive", "System user interactive", "falco_rules.yaml", FIRES, ""),
          new Row(
              "AddingSshKeysToAuthorizedKeys",
              "Adding ssh keys to authorized_keys",
              "falco-incubating_rules.yaml",
              FIRES,
              ""),
          new Row(
              "ChangeThreadNamespace",
              "Change thread namespace",
              "falco-incubating_rules.yaml",
              FIRES,
              ""),
          new Row(
              "CreateFilesBelowDev",
              "Create files below dev",
              "falco-incubating_rules.yaml",
              FIRES,
              ""),
          new Row(
              "DbProgramSpawnedProcess",
              "DB program spawned process",
              "falco-incubating_rules.yaml",
              FIRES,
              ""),
          new Row(
              "DeleteOrRenameShellHistory",
              "Delete or rename shell history",
              "falco-incubating_rules.yaml",
              FIRES,
              ""),
          new Row(
              "LaunchSuspiciousNetworkToolOnHost",
              "Launch Suspicious Network Tool on Host",
              "falco-incubating_rules.yaml",
              FIRES,
              ""),
          new Row(
              "ModifyShellConfigurationFile",
              "Modify Shell Configuration File",
              "falco-incubating_rules.yaml",
              FIRES,
              ""),
          new Row(
              "NonSudoSetuid",
              "Non sudo setuid",
              "falco-incubating_rules.yaml",
              FIXED,
              "`user.*` on a setuid event is the user the task has after the call, as in Falco"
                  + " (it was the user before)"),
          new Row(
              "PotentialLocalPrivilegeEscalationViaEnvironmentVariablesMisuse",
              "Potential Local Privilege Escalation via Environment Variables Misuse",
              "falco-incubating_rules.yaml",
              FIXED,
              PROC_ENV),
          new Row(
              "ProgramRunWithDisallowedHttpProxyEnv",
              "Program run with disallowed http proxy env",
              "falco-incubating_rules.yaml",
              FIXED,
              PROC_ENV),
          new Row(
              "ReadSshInformation",
              "Read ssh information",
              "falco-incubating_rules.yaml",
              FIRES,
              ""),
          new Row(
              "ScheduleCronJobs", "Schedule Cron Jobs", "falco-incubating_rules.yaml", FIRES, ""),
          new Row(
              "SetSetuidOrSetgidBit",
              "Set Setuid or Setgid bit",
              "falco-incubating_rules.yaml",
              FIXED,
              "`evt.arg.mode` of chmod is rendered as Falco renders it, the octal mode and then the"
                  + " names of its bits, `S_ISUID` among them (it was octal only)"),
          new Row(
              "UserMgmtBinaries", "User mgmt binaries", "falco-incubating_rules.yaml", FIRES, ""),
          new Row(
              "DetectCryptoMinersUsingTheStratumProtocol",
              "Detect crypto miners using the Stratum protocol",
              "falco-sandbox_rules.yaml",
              FIRES,
              ""),
          new Row("MkdirBinaryDirs", "Mkdir binary dirs", "falco-sandbox_rules.yaml", FIRES, ""),
          new Row("ModifyBinaryDirs", "Modify binary dirs", "falco-sandbox_rules.yaml", FIRES, ""),
          new Row(
              "PolkitLocalPrivilegeEscalationVulnerabilityCVE20214034",
              "Polkit Local Privilege Escalation Vulnerability (CVE-2021-4034)",
              "falco-sandbox_rules.yaml",
              FIRES,
              ""),
          new Row(
              "SudoPotentialPrivilegeEscalation",
              "Sudo Potential Privilege Escalation",
              "falco-sandbox_rules.yaml",
              FIRES,
              ""),
          new Row(
              "UnprivilegedDelegationOfPageFaultsHandlingToAUserspaceProcess",
              "Unprivileged Delegation of Page Faults Handling to a Userspace Process",
              "falco-sandbox_rules.yaml",
              FIXED,
              "the privilege sensor reports `userfaultfd` (enter and exit tracepoints); the action"
                  + " asks for user-mode faults only, which an unprivileged caller may do even where"
                  + " vm.unprivileged_userfaultfd is 0"),
          new Row(
              "WriteBelowBinaryDir",
              "Write below binary dir",
              "falco-sandbox_rules.yaml",
              FIRES,
              ""),
          new Row("WriteBelowEtc", "Write below etc", "falco-sandbox_rules.yaml", FIRES, ""),
          new Row(
              "WriteBelowMonitoredDir",
              "Write below monitored dir",
              "falco-sandbox_rules.yaml",
              FIRES,
              ""),
          new Row("WriteBelowRoot", "Write below root", "falco-sandbox_rules.yaml", FIRES, ""),
          new Row(
              "WriteBelowRpmDatabase",
              "Write below rpm database",
              "falco-sandbox_rules.yaml",
              FIRES,
              ""));

  /** The table as Markdown, one row per action. */
  static String markdown() {
    return markdown(ROWS);
  }

  /** {@code rows} as a Markdown table, one row per action. */
  static String markdown(List<Row> rows) {
    StringBuilder out =
        new StringBuilder(
            "| Falco rule | File | Event-generator action | Live | Why |\n|---|---|---|---|---|\n");
    for (Row r : rows) {
      out.append("| ")
          .append(r.rule())
          .append(" | ")
          .append(r.file())
          .append(" | ")
          .append("syscall.")
          .append(r.action())
          .append(" | ")
          .append(r.status())
          .append(" | ")
          .append(r.why())
          .append(" |\n");
    }
    return out.toString();
  }
}
