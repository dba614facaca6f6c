package nl.pupildata.runner;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Whether a TCP port is free, and which process listens on it when it is not (read from Linux's {@code /proc};
 * elsewhere only that it is taken).
 */
public final class PortOwners {

    private PortOwners() {
    }

    /** True when nothing listens on the port, on any address. */
    public static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** "pid 1234: postgres -D /other/.run/data/postgres …", when it can tell. */
    static Optional<String> describeOwner(int port) {
        Set<String> inodes = listeningInodes(port);
        if (inodes.isEmpty()) {
            return Optional.empty();
        }
        try (DirectoryStream<Path> procs = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            for (Path proc : procs) {
                if (holdsSocket(proc, inodes)) {
                    return Optional.of("pid " + proc.getFileName() + ": " + commandLine(proc));
                }
            }
        } catch (IOException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static Set<String> listeningInodes(int port) {
        Set<String> inodes = new HashSet<>();
        String hexPort = String.format(Locale.ROOT, ":%04X", port);
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            try {
                for (String line : Files.readAllLines(Path.of(table), StandardCharsets.US_ASCII)) {
                    String[] f = line.trim().split("\\s+");
                    // sl local_address rem_address st tx:rx tr:when retrnsmt uid timeout inode; st 0A = LISTEN
                    if (f.length > 9 && f[1].endsWith(hexPort) && "0A".equals(f[3])) {
                        inodes.add(f[9]);
                    }
                }
            } catch (IOException | RuntimeException e) {
                // not Linux, or the table is not readable: no owner to name
            }
        }
        return inodes;
    }

    private static boolean holdsSocket(Path proc, Set<String> inodes) {
        try (DirectoryStream<Path> fds = Files.newDirectoryStream(proc.resolve("fd"))) {
            for (Path fd : fds) {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    if (target.startsWith("socket:[") && inodes.contains(target.substring(8, target.length() - 1))) {
                        return true;
                    }
                } catch (IOException gone) {
                    // the descriptor closed meanwhile
                }
            }
        } catch (IOException | SecurityException e) {
            // another user's process, or it ended
        }
        return false;
    }

    private static String commandLine(Path proc) {
        try {
            String cmd = new String(Files.readAllBytes(proc.resolve("cmdline")), StandardCharsets.UTF_8)
                    .replace('\0', ' ').trim();
            return cmd.length() > 160 ? cmd.substring(0, 160) + " …" : cmd;
        } catch (IOException e) {
            return "?";
        }
    }
}
