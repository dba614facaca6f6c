package nl.pupildata.staffweb.domain;

import nl.pupildata.events.Labels;
import java.util.List;

/**
 * One field of a form, named by its path in the service's JSON ({@code pupil.name}, {@code guardians[0].email}), so
 * that a refusal's violations land next to the field they are about.
 */
public record FormField(String name, String label, String type, List<Option> options, String hint) {

    public record Option(String value, String label) {
    }

    public static FormField text(String name, String label) {
        return new FormField(name, label, "text", List.of(), null);
    }

    public static FormField text(String name, String label, String hint) {
        return new FormField(name, label, "text", List.of(), hint);
    }

    public static FormField of(String type, String name, String label) {
        return new FormField(name, label, type, List.of(), null);
    }

    public static FormField select(String name, String label, List<Option> options) {
        return new FormField(name, label, "select", options, null);
    }

    /** A select over codes with their Dutch labels. */
    public static FormField codes(String name, String label, String group, String... codes) {
        return select(name, label, java.util.Arrays.stream(codes).map(c -> new Option(c, Labels.of(group, c)))
                .toList());
    }

    /** The id of the input, usable in HTML ({@code guardians[0].email} → {@code f-guardians-0-email}). */
    public String id() {
        return "f-" + name.replaceAll("[^A-Za-z0-9]+", "-").replaceAll("-$", "");
    }

    public boolean checkbox() {
        return type.equals("checkbox");
    }

    public boolean isSelect() {
        return type.equals("select");
    }

    public boolean textarea() {
        return type.equals("textarea");
    }
}
