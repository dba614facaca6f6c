package nl.pupildata.register.domain;

import java.time.LocalDate;
import java.time.Month;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Dutch school year, 1 August up to and including 31 July, named as the board names it: {@code 2025-2026}. The
 * yearly account counts the requests received in it.
 */
public record SchoolYear(int firstYear) {

    private static final Pattern NAME = Pattern.compile("(\\d{4})-(\\d{4})");

    public SchoolYear {
        if (firstYear < 2000 || firstYear > 2999) {
            throw new IllegalArgumentException("school year out of range: " + firstYear);
        }
    }

    /** {@code 2025-2026}; anything else (or two years that do not follow) is empty. */
    public static java.util.Optional<SchoolYear> parse(String name) {
        Matcher m = name == null ? null : NAME.matcher(name.trim());
        if (m == null || !m.matches()) {
            return java.util.Optional.empty();
        }
        int first = Integer.parseInt(m.group(1));
        if (Integer.parseInt(m.group(2)) != first + 1 || first < 2000 || first > 2999) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new SchoolYear(first));
    }

    public static SchoolYear containing(LocalDate day) {
        return new SchoolYear(day.getMonthValue() >= Month.AUGUST.getValue() ? day.getYear() : day.getYear() - 1);
    }

    public LocalDate firstDay() {
        return LocalDate.of(firstYear, Month.AUGUST, 1);
    }

    public LocalDate lastDay() {
        return LocalDate.of(firstYear + 1, Month.JULY, 31);
    }

    public String name() {
        return firstYear + "-" + (firstYear + 1);
    }

    /** The school years from the one containing {@code first} up to this one, newest first. */
    public List<SchoolYear> since(LocalDate first) {
        List<SchoolYear> years = new ArrayList<>();
        for (int y = firstYear; y >= containing(first).firstYear(); y--) {
            years.add(new SchoolYear(y));
        }
        return years;
    }

    @Override
    public String toString() {
        return name();
    }
}
