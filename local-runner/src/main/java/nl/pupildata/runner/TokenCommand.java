package nl.pupildata.runner;

import nl.pupildata.infra.EmbeddedKeycloak;

/**
 * {@code scripts/token USER [--port-offset N]}: an access token of a demo user from the local run's Keycloak, for
 * {@code curl}. Printed alone on standard output.
 */
public final class TokenCommand {

    private TokenCommand() {
    }

    public static void main(String[] args) {
        if (args.length == 0 || args[0].startsWith("-")) {
            System.err.println("""
                    Usage: scripts/token USER [--port-offset N]

                    A token of a demo user of the local run (scripts/run-local), e.g.
                      TOKEN=$(scripts/token directeur.12ab)
                    Users: directeur.12ab, kc.12ab, administratie.12ab, aandacht.12ab (and .34cd),
                    kwaliteit.bestuur, privacy.bestuur. Password of them all: %s (local only).""".formatted(
                    EmbeddedKeycloak.DEMO_PASSWORD));
            System.exit(2);
        }
        int offset = args.length == 3 && args[1].equals("--port-offset") ? Integer.parseInt(args[2]) : 0;
        try {
            System.out.println(EmbeddedKeycloak.passwordGrant("http://localhost:" + (8180 + offset), args[0],
                    EmbeddedKeycloak.DEMO_PASSWORD));
        } catch (IllegalStateException e) {
            System.err.println(e.getMessage() + ". Is scripts/run-local running?");
            System.exit(1);
        }
    }
}
