package io.github.wtsbridge.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.AclEntry;
import java.nio.file.attribute.AclEntryFlag;
import java.nio.file.attribute.AclEntryPermission;
import java.nio.file.attribute.AclEntryType;
import java.nio.file.attribute.AclFileAttributeView;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.UserPrincipal;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Owner-only access control lists for the extraction directory and its files on Windows (on
 * POSIX the modes 0700/0600 do this). Fails closed: where no ACL can be applied, nothing is
 * extracted.
 */
final class OwnerOnlyAcl {
    /** The owner Windows gives new files under a root, by root (the same for every file of this JVM). */
    private static final Map<Path, UserPrincipal> OWNERS = new ConcurrentHashMap<>();

    private OwnerOnlyAcl() {
    }

    /**
     * The principal Windows makes the owner of a file this process creates under {@code root}
     * (the token's default owner: the user, or the Administrators group for an elevated
     * administrator under some policies). Learnt from a short-lived empty file, once per root,
     * so that a directory can be created with its ACL already naming that owner.
     */
    static UserPrincipal ownerOfNewFiles(Path root) throws IOException {
        UserPrincipal known = OWNERS.get(root);
        if (known != null) {
            return known;
        }
        Path probe = FreshNames.createFile(root, ".wtsbridge-owner-", ".tmp", FreshNames.RANDOM);
        try {
            UserPrincipal owner = Files.getOwner(probe, LinkOption.NOFOLLOW_LINKS);
            OWNERS.put(root, owner);
            return owner;
        } finally {
            Files.deleteIfExists(probe);
        }
    }

    /** The one entry: {@code owner} may do everything (inherited by children of a directory). */
    static List<AclEntry> entries(UserPrincipal owner, boolean directory) {
        AclEntry.Builder entry = AclEntry.newBuilder()
                .setType(AclEntryType.ALLOW)
                .setPrincipal(owner)
                .setPermissions(EnumSet.allOf(AclEntryPermission.class));
        if (directory) {
            entry.setFlags(AclEntryFlag.FILE_INHERIT, AclEntryFlag.DIRECTORY_INHERIT);
        }
        return List.of(entry.build());
    }

    /** The ACL as a creation attribute ("acl:acl"), so that a directory never exists without it. */
    static FileAttribute<List<AclEntry>> attribute(UserPrincipal owner, boolean directory) {
        List<AclEntry> acl = entries(owner, directory);
        return new FileAttribute<>() {
            @Override
            public String name() {
                return "acl:acl";
            }

            @Override
            public List<AclEntry> value() {
                return acl;
            }
        };
    }

    /**
     * Runs {@code protect} (the native call that marks the DACL protected) and makes sure the
     * entries are still the ones set before. A host that does not honour the protection may
     * instead merge the parent's inheritable entries into the DACL it writes back (Wine 8.0
     * does: the directory became readable by Everyone); those entries are then removed again,
     * by writing back the entries read before the call.
     */
    static void protectFromInheritance(Path directory, Runnable protect) throws IOException {
        AclFileAttributeView view = Files.getFileAttributeView(directory, AclFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
        if (view == null) {
            throw new IOException("the file system of " + directory + " has no access control lists");
        }
        List<AclEntry> before = view.getAcl();
        protect.run();
        List<AclEntry> after = view.getAcl();
        if (!after.equals(before)) {
            view.setAcl(before);
            throw new IOException("protecting the DACL changed its entries to " + after + "; the owner-only entries"
                    + " were written back (this host does not keep a protected DACL)");
        }
    }

    /**
     * Replaces the ACL of {@code path} with its owner alone. Windows merges the parent's
     * inheritable entries into an ACL given at creation; setting it again afterwards removes
     * them. Throws where the file system has no ACLs (fail closed).
     */
    static void restrict(Path path, boolean directory) throws IOException {
        AclFileAttributeView acl = Files.getFileAttributeView(path, AclFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
        if (acl == null) {
            throw new IOException("the file system of " + path + " has no access control lists: refusing to"
                    + " extract a DLL where it cannot be made private");
        }
        acl.setAcl(entries(acl.getOwner(), directory));
    }
}
