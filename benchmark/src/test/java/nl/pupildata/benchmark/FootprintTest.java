package nl.pupildata.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class FootprintTest {

    @Test
    void aServicesStartIsTheMedianOfItsRounds_withTheFastestAndSlowestBeside() {
        Footprint.Start start = Footprint.Start.of(List.of(2.9, 1.4, 1.6), List.of(1.1, 0.8, 0.9));
        assertEquals(1.6, start.toReadySeconds());
        assertEquals(0.9, start.quarkusSeconds());
        assertEquals(1.4, start.fastest());
        assertEquals(2.9, start.slowest());
        assertEquals(3, start.rounds());
    }

    @Test
    void anEvenNumberOfRoundsTakesTheMeanOfTheMiddleTwo() {
        assertEquals(1.5, Footprint.Start.median(List.of(1.0, 1.4, 1.6, 3.0)), 1e-9);
    }
}
