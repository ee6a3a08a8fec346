package dev.gatehouse;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.AccessTarget;
import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaConstructorCall;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import dev.gatehouse.app.AppClock;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.Year;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.util.Calendar;
import java.util.Date;
import java.util.List;
import java.util.Set;

/**
 * One clock: main code judges time by the {@link Clock} it is given, which comes from
 * {@link AppClock} (moved by {@code GATEHOUSE_CLOCK_OFFSET}). Reading the system clock anywhere else
 * would make a screen or a command disagree with the others, and a test pass today but not next year.
 * Elapsed time ({@code System.nanoTime()}) is not "now" and stays allowed.
 */
@AnalyzeClasses(packages = "dev.gatehouse", importOptions = ImportOption.DoNotIncludeTests.class)
class ClockRuleTest {

    /** Types whose {@code now()} / {@code now(ZoneId)} read the system clock ({@code now(Clock)} is fine). */
    private static final Set<Class<?>> TEMPORALS = Set.of(Instant.class, LocalDate.class, LocalDateTime.class,
            LocalTime.class, ZonedDateTime.class, OffsetDateTime.class, OffsetTime.class, Year.class, YearMonth.class,
            MonthDay.class);

    private static final DescribedPredicate<JavaMethodCall> READS_THE_SYSTEM_CLOCK = new DescribedPredicate<>(
            "read the system clock (Instant.now(), LocalDate.now(), System.currentTimeMillis(), Clock.systemUTC(), …)") {
        @Override
        public boolean test(JavaMethodCall call) {
            return readsSystemClock(call.getTarget());
        }
    };

    private static final DescribedPredicate<JavaConstructorCall> NEW_DATE_OF_NOW = new DescribedPredicate<>(
            "construct new java.util.Date() (now)") {
        @Override
        public boolean test(JavaConstructorCall call) {
            return isNoArg(call, Date.class);
        }
    };

    @ArchTest
    static final ArchRule onlyAppClockReadsTheSystemClock = noClasses()
            .that().resideInAPackage("dev.gatehouse..").and().doNotBelongToAnyOf(AppClock.class)
            .should().callMethodWhere(READS_THE_SYSTEM_CLOCK)
            .orShould().callConstructorWhere(NEW_DATE_OF_NOW)
            .because("everything that judges time takes the java.time.Clock from AppClock.system() (one clock, movable"
                    + " with GATEHOUSE_CLOCK_OFFSET); use Instant.now(clock), clock.instant(), clock.millis()");

    static boolean readsSystemClock(AccessTarget.MethodCallTarget target) {
        String owner = target.getOwner().getName();
        String name = target.getName();
        List<String> params = target.getRawParameterTypes().stream().map(t -> t.getName()).toList();
        if (name.equals("now") && TEMPORALS.stream().anyMatch(t -> t.getName().equals(owner))) {
            return !params.equals(List.of(Clock.class.getName()));
        }
        if (owner.equals(System.class.getName())) {
            return name.equals("currentTimeMillis");
        }
        if (owner.equals(Clock.class.getName())) {
            return name.equals("systemUTC") || name.equals("systemDefaultZone") || name.equals("system");
        }
        if (owner.equals(Calendar.class.getName())) {
            return name.equals("getInstance");
        }
        return false;
    }

    private static boolean isNoArg(JavaCall<?> call, Class<?> owner) {
        return call.getTarget().getOwner().getName().equals(owner.getName())
                && call.getTarget().getRawParameterTypes().isEmpty();
    }
}
