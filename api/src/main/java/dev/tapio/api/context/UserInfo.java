package dev.tapio.api.context;

import org.jspecify.annotations.Nullable;

/**
 * The user and group an event's process runs as, with names resolved where possible.
 *
 * @param loginName the name of the login uid, if set and known
 */
public record UserInfo(
    int uid,
    @Nullable String name,
    @Nullable String homeDir,
    @Nullable String shell,
    int loginUid,
    @Nullable String loginName,
    int gid,
    @Nullable String groupName) {}
