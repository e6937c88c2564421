package cn.bailian.testkit.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The shape every Bailian service is written in (docs/service-kit.md, "Layers"), as ArchUnit rules over the compiled
 * main classes. Each service's {@code ArchitectureTest} extends {@link ServiceArchitectureTest}, which runs them all.
 *
 * <p>Types are named by string where they come from the service kit or Jakarta APIs: the test kit is built before the
 * service kit and must not depend on it.
 */
public final class ArchitectureRules {

    /** The four services' root packages: none may import another's. */
    public static final List<String> SERVICES =
            List.of("cn.bailian.resident", "cn.bailian.farm", "cn.bailian.activity", "cn.bailian.fund");

    public static final String KIT = "cn.bailian.kit";

    private static final String PATH = "jakarta.ws.rs.Path";
    private static final String ENTITY = "jakarta.persistence.Entity";
    private static final String EMBEDDABLE = "jakarta.persistence.Embeddable";
    private static final String TRANSACTIONAL = "jakarta.transaction.Transactional";
    private static final String ENTITY_MANAGER = "jakarta.persistence.EntityManager";
    private static final String OUTBOX = "cn.bailian.kit.outbox.Outbox";
    private static final String EVENT_HANDLER = "cn.bailian.kit.inbox.EventHandler";
    /** The one home of the community's calendar. */
    private static final String COMMUNITY_CLOCK = "cn.bailian.kit.time.CommunityClock";

    private ArchitectureRules() {}

    /** The main classes below a package (tests and jars excluded). */
    public static JavaClasses importMain(String rootPackage) {
        return new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages(rootPackage);
    }

    /** Features ({@code cn.bailian.farm.claim}, {@code …plot}) never depend on each other in a circle. */
    public static ArchRule noCyclesBetweenFeatures(String rootPackage) {
        return slices().matching(rootPackage + ".(*)..")
                .namingSlices("feature $1")
                .should()
                .beFreeOfCycles()
                .allowEmptyShould(true)
                .because(
                        "a feature reacts to another's change through an in-transaction CDI event, never by calling back");
    }

    /** HTTP resources validate and map; transactions, persistence and events belong to the service layer. */
    public static ArchRule resourcesDoNotTouchPersistence(String rootPackage) {
        return noClasses()
                .that()
                .resideInAPackage(rootPackage + "..")
                .and()
                .areAnnotatedWith(PATH)
                .should()
                .dependOnClassesThat()
                .haveFullyQualifiedName(ENTITY_MANAGER)
                .orShould()
                .dependOnClassesThat()
                .haveFullyQualifiedName(OUTBOX)
                .orShould()
                .beAnnotatedWith(TRANSACTIONAL)
                .allowEmptyShould(true)
                .because("resource → service → entity: a resource opens no transaction and writes nothing itself");
    }

    /** No method of a resource opens a transaction. */
    public static ArchRule resourceMethodsAreNotTransactional(String rootPackage) {
        return methods()
                .that()
                .areDeclaredInClassesThat()
                .resideInAPackage(rootPackage + "..")
                .and()
                .areDeclaredInClassesThat()
                .areAnnotatedWith(PATH)
                .should()
                .notBeAnnotatedWith(TRANSACTIONAL)
                .allowEmptyShould(true)
                .because("the service layer owns the transaction");
    }

    /** Entities never appear in a resource method's parameters or return type, not even inside a generic. */
    public static ArchRule noEntityInResourceSignatures(String rootPackage) {
        return methods()
                .that()
                .areDeclaredInClassesThat()
                .resideInAPackage(rootPackage + "..")
                .and()
                .areDeclaredInClassesThat()
                .areAnnotatedWith(PATH)
                .should(new ArchCondition<>("take and return no entity") {
                    @Override
                    public void check(JavaMethod method, ConditionEvents events) {
                        Set<JavaClass> involved =
                                new java.util.HashSet<>(method.getReturnType().getAllInvolvedRawTypes());
                        method.getParameterTypes().forEach(t -> involved.addAll(t.getAllInvolvedRawTypes()));
                        for (JavaClass type : involved) {
                            if (type.isAnnotatedWith(ENTITY) || type.isAnnotatedWith(EMBEDDABLE)) {
                                events.add(SimpleConditionEvent.violated(
                                        method, method.getFullName() + " exposes the entity " + type.getName()));
                            }
                        }
                    }
                })
                .allowEmptyShould(true)
                .because("entities are never in the API: resources take and return request/response records");
    }

    /** A service imports the kit and nothing of another service. */
    public static ArchRule noOtherServiceImported(String rootPackage) {
        String[] others = SERVICES.stream()
                .filter(s -> !s.equals(rootPackage))
                .map(s -> s + "..")
                .toArray(String[]::new);
        return noClasses()
                .that()
                .resideInAPackage(rootPackage + "..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(others)
                .allowEmptyShould(true)
                .because("services learn of each other through events and published contracts only");
    }

    /** The kit serves every service and knows none of them. */
    public static ArchRule kitImportsNoService() {
        return noClasses()
                .that()
                .resideInAPackage(KIT + "..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(SERVICES.stream().map(s -> s + "..").toArray(String[]::new))
                .allowEmptyShould(true)
                .because("the kit is shared machinery; a service-specific rule lives in the service");
    }

    /**
     * Every "today", every instant → calendar date or wall-clock time goes through the community clock: the JVM's
     * zone is UTC in the containers, eight hours behind Chengdu.
     */
    public static ArchRule noZonelessDates(String rootPackage) {
        return noClasses()
                .that()
                .resideInAPackage(rootPackage + "..")
                .and()
                .haveNameNotMatching(java.util.regex.Pattern.quote(COMMUNITY_CLOCK) + "(\\$.*)?")
                .should()
                .callMethodWhere(zoneSensitiveCall())
                .allowEmptyShould(true)
                .because("the community clock (cn.bailian.kit.time.CommunityClock) is the one home of the calendar");
    }

    /** Consumers of other services' events are named for it. */
    public static ArchRule eventHandlersNamedSo(String rootPackage) {
        return classes()
                .that()
                .resideInAPackage(rootPackage + "..")
                .and()
                .implement(EVENT_HANDLER)
                .should()
                .haveSimpleNameEndingWith("EventHandler")
                .allowEmptyShould(true)
                .because("a consumer of another service's events is found by its name: <Producer>EventHandler");
    }

    /** Resources are named {@code *Resource}; transactional application services {@code *Service}. */
    public static ArchRule resourcesNamedSo(String rootPackage) {
        return classes()
                .that()
                .resideInAPackage(rootPackage + "..")
                .and()
                .areAnnotatedWith(PATH)
                .and()
                .areTopLevelClasses()
                .should()
                .haveSimpleNameEndingWith("Resource")
                .allowEmptyShould(true);
    }

    private static DescribedPredicate<JavaMethodCall> zoneSensitiveCall() {
        return new DescribedPredicate<>(
                "a zone-less now() or an instant turned into a calendar value (LocalDate.now(zone), ofInstant, atZone, systemDefault)") {
            @Override
            public boolean test(JavaMethodCall call) {
                String owner = call.getTargetOwner().getName();
                String name = call.getName();
                // Instant.now() is an instant, not a calendar value: allowed
                boolean zoneless = owner.startsWith("java.time.")
                        && !owner.equals("java.time.Instant")
                        && name.equals("now")
                        && call.getTarget().getRawParameterTypes().isEmpty();
                return zoneless
                        || switch (owner) {
                            // calendar values: only the community clock turns an instant into one
                            case "java.time.LocalDate",
                                    "java.time.LocalDateTime",
                                    "java.time.LocalTime",
                                    "java.time.ZonedDateTime",
                                    "java.time.YearMonth",
                                    "java.time.Year",
                                    "java.time.MonthDay" -> name.equals("now") || name.equals("ofInstant");
                            case "java.time.Instant" -> name.equals("atZone");
                            case "java.time.ZoneId" -> name.equals("systemDefault");
                            case "java.time.Clock" -> name.equals("systemDefaultZone");
                            case "java.util.TimeZone" -> name.equals("getDefault");
                            // an OffsetDateTime at an explicit offset (UTC timestamps, event times) names its zone:
                            // allowed
                            default -> false;
                        };
            }
        };
    }

    /** Every rule a service must hold, by name (the service's ArchitectureTest runs each). */
    public static List<ArchRule> forService(String rootPackage) {
        return List.of(
                noCyclesBetweenFeatures(rootPackage),
                resourcesDoNotTouchPersistence(rootPackage),
                resourceMethodsAreNotTransactional(rootPackage),
                noEntityInResourceSignatures(rootPackage),
                noOtherServiceImported(rootPackage),
                noZonelessDates(rootPackage),
                eventHandlersNamedSo(rootPackage),
                resourcesNamedSo(rootPackage));
    }

    static String describe(List<ArchRule> rules) {
        return rules.stream().map(ArchRule::getDescription).collect(Collectors.joining("\n"));
    }
}
