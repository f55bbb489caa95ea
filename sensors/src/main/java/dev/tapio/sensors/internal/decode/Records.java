package dev.tapio.sensors.internal.decode;

import java.util.List;

/**
 * Offsets of the records in {@code bpf/include/events.h}, as the decoders read them. {@link
 * #LAYOUTS} states the same numbers per struct for {@link AbiCheck}; a decoder and its layout entry
 * change together.
 */
public final class Records {
  private Records() {}

  // enum tapio_event_kind
  public static final int KIND_EXEC = 1;
  public static final int KIND_FORK = 2;
  public static final int KIND_EXIT = 3;
  public static final int KIND_OPEN = 4;
  public static final int KIND_CHANGE = 5;
  public static final int KIND_COUNT = 8;

  // struct tapio_namespaces
  static final int NS_MNT = 0;
  static final int NS_PID = 4;
  static final int NS_NET = 8;
  static final int NS_UTS = 12;
  static final int NS_IPC = 16;
  static final int NS_USER = 20;
  static final int NS_CGROUP = 24;
  static final int NS_SIZE = 32;

  // struct tapio_header
  static final int HDR_BOOT_NS = 0;
  static final int HDR_CGROUP_ID = 8;
  static final int HDR_PID = 16;
  static final int HDR_TID = 20;
  static final int HDR_KIND = 24;
  static final int HDR_SIZE_FIELD = 28;
  static final int HDR_NS = 32;
  static final int HDR_SIZE = 64;

  // struct tapio_exec_event
  static final int EXEC_PPID = 64;
  static final int EXEC_SID = 68;
  static final int EXEC_PGID = 72;
  static final int EXEC_TTY = 76;
  static final int EXEC_UID = 80;
  static final int EXEC_GID = 84;
  static final int EXEC_EUID = 88;
  static final int EXEC_EGID = 92;
  static final int EXEC_LOGINUID = 96;
  static final int EXEC_FLAGS = 100;
  static final int EXEC_FLAG_EXECVEAT = 1;
  static final int EXEC_FLAG_UPPER_LAYER = 2;
  static final int EXEC_CAP_EFFECTIVE = 104;
  static final int EXEC_CAP_PERMITTED = 112;
  static final int EXEC_CAP_INHERITABLE = 120;
  static final int EXEC_COMM = 128;
  static final int EXEC_FILENAME_LEN = 144;
  static final int EXEC_ARGV_LEN = 146;
  static final int EXEC_EXE_LEN = 148;
  static final int EXEC_CWD_LEN = 150;
  static final int EXEC_DATA = 152;

  // struct tapio_fork_event
  static final int FORK_CHILD_PID = 64;
  static final int FORK_CHILD_TID = 68;
  static final int FORK_CLONE_FLAGS = 72;
  static final int FORK_SYSCALL = 80;
  static final int FORK_COMM = 88;
  static final int FORK_SIZE = 104;

  // struct tapio_exit_event
  static final int EXIT_CODE = 64;
  static final int EXIT_GROUP_DEAD = 68;
  static final int EXIT_SIZE = 72;

  // struct tapio_open_event
  static final int OPEN_RESULT = 64;
  static final int OPEN_DFD = 72;
  static final int OPEN_FLAGS = 76;
  static final int OPEN_MODE = 80;
  static final int OPEN_SYSCALL = 84;
  static final int OPEN_PATH_KIND = 86;
  static final int OPEN_RAW_LEN = 88;
  static final int OPEN_PATH_LEN = 90;
  static final int OPEN_DATA = 96;

  // struct tapio_change_event
  static final int CHG_RESULT = 64;
  static final int CHG_SYSCALL = 72;
  static final int CHG_MODE = 76;
  static final int CHG_FLAGS = 80;
  static final int CHG_PATH_LEN = 84;
  static final int CHG_PATH_BASE_LEN = 86;
  static final int CHG_TARGET_LEN = 88;
  static final int CHG_TARGET_BASE_LEN = 90;
  static final int CHG_DATA = 96;

  // struct tapio_config (written by Java)
  public static final int CFG_SELF_TGID = 0;
  public static final int CFG_CGROUP_RATE = 8;
  public static final int CFG_CGROUP_BURST = 16;
  static final int CFG_SIZE = 24;

  static final int COMM_LEN = 16;

  public static final List<RecordLayout> LAYOUTS =
      List.of(
          RecordLayout.of("tapio_config", CFG_SIZE)
              .field("self_tgid", CFG_SELF_TGID, 4)
              .field("cgroup_rate", CFG_CGROUP_RATE, 8)
              .field("cgroup_burst", CFG_CGROUP_BURST, 8)
              .build(),
          RecordLayout.of("tapio_namespaces", NS_SIZE)
              .field("mnt", NS_MNT, 4)
              .field("pid", NS_PID, 4)
              .field("net", NS_NET, 4)
              .field("uts", NS_UTS, 4)
              .field("ipc", NS_IPC, 4)
              .field("user", NS_USER, 4)
              .field("cgroup", NS_CGROUP, 4)
              .build(),
          RecordLayout.of("tapio_header", HDR_SIZE)
              .field("boot_ns", HDR_BOOT_NS, 8)
              .field("cgroup_id", HDR_CGROUP_ID, 8)
              .field("pid", HDR_PID, 4)
              .field("tid", HDR_TID, 4)
              .field("kind", HDR_KIND, 2)
              .field("size", HDR_SIZE_FIELD, 4)
              .field("ns", HDR_NS, NS_SIZE)
              .build(),
          RecordLayout.of("tapio_exec_event", EXEC_DATA)
              .field("ppid", EXEC_PPID, 4)
              .field("sid", EXEC_SID, 4)
              .field("pgid", EXEC_PGID, 4)
              .field("tty", EXEC_TTY, 4)
              .field("uid", EXEC_UID, 4)
              .field("gid", EXEC_GID, 4)
              .field("euid", EXEC_EUID, 4)
              .field("egid", EXEC_EGID, 4)
              .field("loginuid", EXEC_LOGINUID, 4)
              .field("flags", EXEC_FLAGS, 4)
              .field("cap_effective", EXEC_CAP_EFFECTIVE, 8)
              .field("cap_permitted", EXEC_CAP_PERMITTED, 8)
              .field("cap_inheritable", EXEC_CAP_INHERITABLE, 8)
              .field("comm", EXEC_COMM, COMM_LEN)
              .field("filename_len", EXEC_FILENAME_LEN, 2)
              .field("argv_len", EXEC_ARGV_LEN, 2)
              .field("exe_len", EXEC_EXE_LEN, 2)
              .field("cwd_len", EXEC_CWD_LEN, 2)
              .field("data", EXEC_DATA, 0)
              .build(),
          RecordLayout.of("tapio_fork_event", FORK_SIZE)
              .field("child_pid", FORK_CHILD_PID, 4)
              .field("child_tid", FORK_CHILD_TID, 4)
              .field("clone_flags", FORK_CLONE_FLAGS, 8)
              .field("syscall", FORK_SYSCALL, 4)
              .field("comm", FORK_COMM, COMM_LEN)
              .build(),
          RecordLayout.of("tapio_exit_event", EXIT_SIZE)
              .field("exit_code", EXIT_CODE, 4)
              .field("group_dead", EXIT_GROUP_DEAD, 4)
              .build(),
          RecordLayout.of("tapio_open_event", OPEN_DATA)
              .field("result", OPEN_RESULT, 8)
              .field("dfd", OPEN_DFD, 4)
              .field("flags", OPEN_FLAGS, 4)
              .field("mode", OPEN_MODE, 4)
              .field("syscall", OPEN_SYSCALL, 2)
              .field("path_kind", OPEN_PATH_KIND, 2)
              .field("raw_len", OPEN_RAW_LEN, 2)
              .field("path_len", OPEN_PATH_LEN, 2)
              .field("data", OPEN_DATA, 0)
              .build(),
          RecordLayout.of("tapio_change_event", CHG_DATA)
              .field("result", CHG_RESULT, 8)
              .field("syscall", CHG_SYSCALL, 4)
              .field("mode", CHG_MODE, 4)
              .field("flags", CHG_FLAGS, 4)
              .field("path_len", CHG_PATH_LEN, 2)
              .field("path_base_len", CHG_PATH_BASE_LEN, 2)
              .field("target_len", CHG_TARGET_LEN, 2)
              .field("target_base_len", CHG_TARGET_BASE_LEN, 2)
              .field("data", CHG_DATA, 0)
              .build());
}
