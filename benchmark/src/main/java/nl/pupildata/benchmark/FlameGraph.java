package nl.pupildata.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * A flame graph (SVG) of the CPU samples of a JFR recording: {@code java -cp ... nl.pupildata.benchmark.FlameGraph
 * in.jfr out.svg "title"}. Each box is a method, as wide as the share of samples with it on the stack at that depth;
 * callers below, callees above. Coloured by what the code belongs to (the legend), so the parts named in
 * docs/performance.md can be seen at a glance. Reads the recording with the JDK's own {@code jdk.jfr.consumer}.
 */
public final class FlameGraph {

    private static final int WIDTH = 1600;
    private static final int ROW = 17;
    private static final Map<String, String> PARTS = new LinkedHashMap<>();

    static {
        PARTS.put("org.hibernate", "#e8873a"); // Hibernate Reactive / ORM, Panache
        PARTS.put("io.quarkus.hibernate", "#e8873a");
        PARTS.put("io.smallrye.jwt", "#d9463e"); // the token
        PARTS.put("org.jose4j", "#d9463e");
        PARTS.put("java.math", "#d9463e");
        PARTS.put("sun.security", "#d9463e");
        PARTS.put("io.smallrye.context", "#b07cc6"); // context propagation
        PARTS.put("io.quarkus.arc", "#b07cc6");
        PARTS.put("io.vertx.pgclient", "#4f8fd6"); // the reactive PostgreSQL client
        PARTS.put("io.vertx.sqlclient", "#4f8fd6");
        PARTS.put("com.fasterxml.jackson", "#4caf50"); // JSON
        PARTS.put("org.apache.kafka", "#8d6e63");
        PARTS.put("nl.pupildata", "#f2c94c"); // this project
        PARTS.put("io.netty", "#90a4ae");
        PARTS.put("io.vertx", "#90a4ae");
        PARTS.put("org.jboss.resteasy", "#90a4ae");
        PARTS.put("io.quarkus.resteasy", "#90a4ae");
    }

    /** The parts docs/performance.md names, by the packages their frames are in. */
    private static final Map<String, List<String>> SHARES = new LinkedHashMap<>();

    static {
        SHARES.put("this project's own code (rules, domain, services)", List.of("nl.pupildata.request",
                "nl.pupildata.rules", "nl.pupildata.platform.security", "nl.pupildata.platform.eventstore"));
        SHARES.put("Hibernate Reactive / Panache", List.of("org.hibernate", "io.quarkus.hibernate"));
        SHARES.put("verifying the token (smallrye-jwt, jose4j, RSA)", List.of("io.smallrye.jwt", "org.jose4j"));
        SHARES.put("context propagation (SmallRye, ArC)", List.of("io.smallrye.context", "io.quarkus.arc"));
        SHARES.put("the reactive PostgreSQL client", List.of("io.vertx.pgclient", "io.vertx.sqlclient"));
        SHARES.put("Jackson", List.of("com.fasterxml.jackson"));
        SHARES.put("RESTEasy Reactive", List.of("org.jboss.resteasy.reactive", "io.quarkus.resteasy.reactive"));
        SHARES.put("sealing the values", List.of("nl.pupildata.events.sealing"));
        SHARES.put("the outbox relay", List.of("nl.pupildata.platform.outbox"));
        SHARES.put("the Kafka client", List.of("org.apache.kafka"));
    }

    static final class Node {
        final String name;
        long samples;
        final Map<String, Node> children = new LinkedHashMap<>();

        Node(String name) {
            this.name = name;
        }
    }

    private FlameGraph() {
    }

    public static void main(String[] args) throws IOException {
        Node root = new Node("all");
        Map<String, Long> shares = new LinkedHashMap<>();
        for (RecordedEvent e : RecordingFile.readAllEvents(Path.of(args[0]))) {
            if (!e.getEventType().getName().equals("jdk.ExecutionSample") || e.getStackTrace() == null) {
                continue;
            }
            List<RecordedFrame> frames = new ArrayList<>(e.getStackTrace().getFrames());
            shares.merge(part(frames), 1L, Long::sum);
            root.samples++;
            Node at = root;
            for (int i = frames.size() - 1; i >= 0; i--) {
                RecordedFrame f = frames.get(i);
                String name = f.getMethod().getType().getName() + "." + f.getMethod().getName();
                at = at.children.computeIfAbsent(name, Node::new);
                at.samples++;
            }
        }
        int depth = depth(root);
        StringBuilder svg = new StringBuilder();
        int height = (depth + 1) * ROW + 60 + 20 * ((PARTS.size() + 5) / 6);
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                + "font-family=\"Verdana, sans-serif\" font-size=\"11\">\n<rect width=\"100%%\" height=\"100%%\" "
                + "fill=\"#ffffff\"/>\n", WIDTH, height));
        svg.append(String.format(Locale.ROOT, "<text x=\"10\" y=\"20\" font-size=\"15\">%s (%,d CPU samples)</text>\n",
                escape(args.length > 2 ? args[2] : args[0]), root.samples));
        int legendY = 38;
        int x = 10;
        for (String part : List.of("org.hibernate", "io.smallrye.jwt", "io.smallrye.context", "io.vertx.pgclient",
                "com.fasterxml.jackson", "org.apache.kafka", "nl.pupildata", "io.netty")) {
            String label = switch (part) {
                case "org.hibernate" -> "Hibernate Reactive / Panache";
                case "io.smallrye.jwt" -> "token (smallrye-jwt, jose4j, RSA)";
                case "io.smallrye.context" -> "context propagation, ArC";
                case "io.vertx.pgclient" -> "reactive PostgreSQL client";
                case "com.fasterxml.jackson" -> "Jackson";
                case "org.apache.kafka" -> "Kafka client";
                case "nl.pupildata" -> "this project";
                default -> "Netty, Vert.x, RESTEasy";
            };
            svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"12\" height=\"12\" fill=\"%s\"/>"
                    + "<text x=\"%d\" y=\"%d\">%s</text>\n", x, legendY, PARTS.get(part), x + 16, legendY + 10,
                    escape(label)));
            x += 16 + 7 * label.length() + 18;
        }
        int base = height - 10;
        draw(svg, root, 0, WIDTH - 20, base, root.samples);
        svg.append("</svg>\n");
        Files.writeString(Path.of(args[1]), svg);
        System.out.printf("%s: %,d samples, %d deep%n", args[1], root.samples, depth);
        // The table of docs/performance.md: each sample counts for the part of its innermost frame that belongs to
        // one (the CPU is there, or in the JDK or Netty code that part called), so the shares add up to 100 %.
        shares.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).forEach(e -> System.out
                .printf(Locale.ROOT, "| %s | %.1f %% |%n", e.getKey(), 100.0 * e.getValue() / root.samples));
    }

    private static void draw(StringBuilder svg, Node node, double x, double width, int y, long total) {
        if (width < 2) { // narrower than two pixels: not readable, and it would only make the file large
            return;
        }
        String colour = colour(node.name);
        svg.append(String.format(Locale.ROOT, "<g><title>%s (%.1f %%)</title><rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" "
                + "height=\"%d\" fill=\"%s\" stroke=\"#ffffff\" stroke-width=\"0.5\"/>", escape(node.name),
                100.0 * node.samples / total, 10 + x, y - ROW, width, ROW - 1, colour));
        if (width > 60) {
            String shortName = node.name.substring(Math.max(0, node.name.lastIndexOf('.', node.name.lastIndexOf('.')
                    - 1) + 1));
            int chars = (int) ((width - 6) / 6.5);
            String text = shortName.length() > chars ? shortName.substring(0, Math.max(0, chars - 2)) + ".." : shortName;
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\">%s</text>", 13 + x, y - 5,
                    escape(text)));
        }
        svg.append("</g>\n");
        double childX = x;
        List<Node> children = new ArrayList<>(node.children.values());
        children.sort(Comparator.comparing(n -> n.name));
        for (Node child : children) {
            double w = width * child.samples / node.samples;
            draw(svg, child, childX, w, y - ROW, total);
            childX += w;
        }
    }

    private static String part(List<RecordedFrame> frames) {
        for (RecordedFrame f : frames) { // innermost first
            String type = f.getMethod().getType().getName();
            for (Map.Entry<String, List<String>> part : SHARES.entrySet()) {
                if (part.getValue().stream().anyMatch(type::startsWith)) {
                    return part.getKey();
                }
            }
        }
        return "other: the JDK, Netty, Vert.x, Quarkus' HTTP layer";
    }

    private static String colour(String frame) {
        for (Map.Entry<String, String> part : PARTS.entrySet()) {
            if (frame.startsWith(part.getKey())) {
                return part.getValue();
            }
        }
        return frame.equals("all") ? "#cfd8dc" : "#e0e0e0";
    }

    private static int depth(Node node) {
        int d = 0;
        for (Node child : node.children.values()) {
            d = Math.max(d, depth(child));
        }
        return d + 1;
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
