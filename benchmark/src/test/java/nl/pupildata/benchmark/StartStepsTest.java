package nl.pupildata.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StartStepsTest {

    private static final String MAIN = "[main tid=7];java/lang/Thread.run;io/quarkus/runner/GeneratedMain.main;";

    @Test
    void eachSampleCountsForTheOutermostStepOnItsStack_inMilliseconds() {
        List<String> collapsed = List.of(
                MAIN + "io/quarkus/runner/ApplicationImpl.<clinit>;"
                        + "io/quarkus/runner/recorded/ArcProcessor$notifyBeanContainerListeners1304312071.deploy;"
                        + "io/quarkus/runner/recorded/ArcProcessor$notifyBeanContainerListeners1304312071.deploy_0;"
                        + "org/hibernate/boot/Metadata.build 40",
                MAIN + "io/quarkus/runner/ApplicationImpl.<clinit>;io/smallrye/config/SmallRyeConfig.<init> 5",
                MAIN + "io/quarkus/runtime/ApplicationLifecycleManager.run;io/quarkus/runner/ApplicationImpl.doStart;"
                        + "io/quarkus/runner/recorded/FlywayProcessor$startActions-1575138505.deploy_0;"
                        + "org/flywaydb/core/Flyway.migrate;__futex_abstimed_wait_common 30",
                MAIN + "io/quarkus/runtime/ApplicationLifecycleManager.run;jdk/internal/misc/Unsafe.park;"
                        + "__futex_abstimed_wait_common 100",
                MAIN + "Interpreter 3",
                "[vert.x-eventloop-thread-0 tid=9];io/quarkus/runner/recorded/FlywayProcessor$startActions1.deploy 50",
                "not a sample line");

        Map<String, Long> steps = StartSteps.steps(collapsed, 2);

        assertEquals(Map.of("ArcProcessor.notifyBeanContainerListeners", 80L, StartSteps.STATIC_INIT, 10L,
                "FlywayProcessor.startActions", 60L, StartSteps.AFTER_START, 200L, StartSteps.OTHER, 6L), steps);
    }
}
