package nl.pupildata.infra;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Finds a free loopback port for a server that binds it a little later (Keycloak only after about 15 s). The port is
 * chosen below the range the operating system hands out for outgoing connections (Linux: 32768–60999; macOS and
 * Windows: from 49152): a port the kernel picked for {@code bind(0)} lies in that range, and any Kafka, PostgreSQL or
 * HTTP client connecting meanwhile may get it as its own local port, so that the server then finds it taken (CI saw
 * Keycloak fail so: "Port already bound"). A port is handed out once per JVM.
 */
public final class FreePort {
    static final int FIRST = 10_000;
    static final int LAST = 32_000;
    private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();

    private FreePort() {
    }

    public static int find() {
        for (int attempt = 0; attempt < 1000; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(FIRST, LAST + 1);
            if (!HANDED_OUT.contains(port) && free(port) && HANDED_OUT.add(port)) {
                return port;
            }
        }
        throw new IllegalStateException("no free loopback port between " + FIRST + " and " + LAST);
    }

    private static boolean free(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException taken) {
            return false;
        }
    }
}
