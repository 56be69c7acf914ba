package dev.portal.platform.test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.AccessTarget;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaConstructorCall;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.core.domain.properties.CanBeAnnotated;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The rules of a service's inside (STYLE.md "Inside"), as ArchUnit rules over the service's own classes below its
 * base package. {@link ArchitectureConventions} applies them all; each is public so that a test can show it failing.
 *
 * <p>Names, not classes, identify the framework types: a service need not have JPA, JDBC or spring-kafka on its class
 * path for the rules to run. Two places are exempt from some rules, by design: {@code <base>.config} (wiring, where a
 * {@code Clock} bean is made and platform pieces are built) and the HTTP edge (controllers, controller advice,
 * filters, interceptors), the only code that speaks HTTP statuses.
 */
public final class ServiceArchitecture {

    static final String ENTITY = "jakarta.persistence.Entity";
    static final String REQUEST_MAPPING = "org.springframework.web.bind.annotation.RequestMapping";
    static final String CONTROLLER = "org.springframework.stereotype.Controller";
    static final String CONTROLLER_ADVICE = "org.springframework.web.bind.annotation.ControllerAdvice";
    static final String REPOSITORY = "org.springframework.stereotype.Repository";
    static final String DATA_REPOSITORY = "org.springframework.data.repository.Repository";
    static final String KAFKA_LISTENER = "org.springframework.kafka.annotation.KafkaListener";
    static final String KAFKA_LISTENERS = "org.springframework.kafka.annotation.KafkaListeners";

    /** What runs SQL: Spring's JDBC entry points, JPA's entity manager, raw JDBC statements. */
    static final List<String> SQL_TYPES = List.of(
            "org.springframework.jdbc.core.simple.JdbcClient",
            "org.springframework.jdbc.core.JdbcOperations",
            "org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations",
            "org.springframework.jdbc.core.simple.SimpleJdbcInsertOperations",
            "org.springframework.jdbc.core.simple.SimpleJdbcCallOperations",
            "jakarta.persistence.EntityManager",
            "java.sql.Statement");

    /** Types that choose an HTTP answer. */
    static final List<String> HTTP_ANSWER_TYPES = List.of(
            "org.springframework.http.HttpStatus",
            "dev.portal.platform.web.ProblemException",
            "org.springframework.web.server.ResponseStatusException",
            "org.springframework.web.ErrorResponseException");

    /** What the edge is made of, besides controllers: filters, interceptors, error and security answers. */
    static final List<String> EDGE_TYPES = List.of(
            "jakarta.servlet.Filter",
            "org.springframework.web.server.WebFilter",
            "org.springframework.web.servlet.HandlerInterceptor",
            "org.springframework.web.server.WebExceptionHandler",
            "org.springframework.boot.webmvc.error.ErrorController",
            "org.springframework.security.web.AuthenticationEntryPoint",
            "org.springframework.security.web.access.AccessDeniedHandler",
            "org.springframework.security.web.server.ServerAuthenticationEntryPoint",
            "org.springframework.security.web.server.authorization.ServerAccessDeniedHandler");
    static final String CONFIGURATION = "org.springframework.context.annotation.Configuration";

    /** Hand-made Kafka consumers: a raw client or a listener container built in code. */
    static final List<String> KAFKA_CONSUMER_TYPES = List.of(
            "org.apache.kafka.clients.consumer.Consumer",
            "org.springframework.kafka.listener.MessageListenerContainer");

    /** java.time types whose {@code now(...)} reads the system clock unless it is given a {@code Clock}. */
    static final Set<String> TIME_TYPES = Set.of("java.time.Instant", "java.time.LocalDate", "java.time.LocalDateTime",
            "java.time.LocalTime", "java.time.OffsetDateTime", "java.time.OffsetTime", "java.time.ZonedDateTime",
            "java.time.Year", "java.time.YearMonth", "java.time.MonthDay");

    private ServiceArchitecture() {
    }

    /** The service's own main classes below {@code basePackage} (test classes are left out). */
    public static JavaClasses mainClasses(String basePackage) {
        return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(basePackage);
    }

    /**
     * Features (the packages right below the base) never depend on one another in a cycle. {@code config} is the
     * composition root: it may know every feature and every feature may read its settings, so it is not a feature.
     */
    public static ArchRule noCyclesBetweenFeatures(String basePackage) {
        return slices().matching(basePackage + ".(*)..").namingSlices("feature $1")
                .should().beFreeOfCycles()
                .ignoreDependency(JavaClass.Predicates.resideInAPackage(config(basePackage)), DescribedPredicate.alwaysTrue())
                .allowEmptyShould(true)
                .because("a feature's public surface is what other features call; a cycle makes two features one");
    }

    /**
     * SQL lives in repositories and query classes only: a class annotated {@code @Repository} (or nested in one), a
     * Spring Data repository, or a class named {@code *Repository}, {@code *RepositoryImpl} or {@code *Queries}.
     */
    public static ArchRule sqlOnlyInRepositories(String basePackage) {
        return noClasses().that(DescribedPredicate.not(repositoryOrQueries()))
                .and().resideOutsideOfPackage(config(basePackage))
                .should().dependOnClassesThat(assignableToAny(SQL_TYPES))
                .allowEmptyShould(true)
                .because("application services speak to repositories (plural nouns) and queries, never to SQL");
    }

    /** Request handlers take and return DTO records: a JPA entity never crosses the HTTP edge, in or out. */
    public static ArchRule controllersNeverExposeEntities() {
        return methods().that(handlerMethods())
                .should(notTakeOrReturnEntities())
                .allowEmptyShould(true)
                .because("an entity on the wire couples the API to the table and leaks fields nobody chose to publish");
    }

    /**
     * Time comes from the injected {@code Clock}: no {@code Clock.system*()} and no {@code now()} without a clock
     * ({@code Instant.now()}, {@code LocalDate.now()}, ...) outside {@code config}, called or as a method reference.
     */
    public static ArchRule timeOnlyFromTheInjectedClock(String basePackage) {
        return noClasses().that().resideOutsideOfPackage(config(basePackage))
                .should().accessTargetWhere(readsTheSystemClock())
                .allowEmptyShould(true)
                .because("tests set the time through the Clock bean; code that reads the system clock cannot be tested at a given time");
    }

    /**
     * HTTP statuses are chosen at the edge only (controllers, controller advice, filters, interceptors, error handlers,
     * security entry points and access-denied handlers, {@code @Configuration} classes and {@code config}):
     * application code throws the domain exceptions of platform-errors, which platform-web maps to problems.
     */
    public static ArchRule httpStatusesOnlyAtTheEdge(String basePackage) {
        return noClasses().that(DescribedPredicate.not(edge()))
                .and().resideOutsideOfPackage(config(basePackage))
                .should().dependOnClassesThat(assignableToAny(HTTP_ANSWER_TYPES))
                .allowEmptyShould(true)
                .because("one place maps failures to HTTP (decision 0015); a status chosen deep inside cannot be reused or kept consistent");
    }

    /** Topics are consumed through Spring Cloud Stream bindings: no {@code @KafkaListener}, no hand-made consumer. */
    public static ArchRule consumersOnlyThroughSpringCloudStream() {
        return noMethods().should(beAnnotatedWithAnyOf(KAFKA_LISTENER, KAFKA_LISTENERS))
                .allowEmptyShould(true)
                .because("consumers are functional beans on the Kafka binder, bound in YAML (decision 0001)");
    }

    /** {@link #consumersOnlyThroughSpringCloudStream()} for classes: no class-level listener, no consumer built by hand. */
    public static ArchRule noHandMadeConsumers() {
        return noClasses().should(beAnnotatedWithAnyOf(KAFKA_LISTENER, KAFKA_LISTENERS))
                .orShould().callConstructorWhere(constructorOfAny(KAFKA_CONSUMER_TYPES))
                .allowEmptyShould(true)
                .because("consumers are functional beans on the Kafka binder, bound in YAML (decision 0001)");
    }

    /** Every rule above, for one service. */
    public static List<ArchRule> all(String basePackage) {
        return List.of(noCyclesBetweenFeatures(basePackage), sqlOnlyInRepositories(basePackage),
                controllersNeverExposeEntities(), timeOnlyFromTheInjectedClock(basePackage),
                httpStatusesOnlyAtTheEdge(basePackage), consumersOnlyThroughSpringCloudStream(), noHandMadeConsumers());
    }

    private static String config(String basePackage) {
        return basePackage + ".config..";
    }

    private static DescribedPredicate<JavaClass> repositoryOrQueries() {
        return DescribedPredicate.describe("repositories or queries", javaClass -> {
            JavaClass top = topLevel(javaClass);
            String name = top.getSimpleName();
            return annotatedOrMeta(top, REPOSITORY) || top.isAssignableTo(DATA_REPOSITORY)
                    || name.endsWith("Repository") || name.endsWith("RepositoryImpl") || name.endsWith("Queries");
        });
    }

    private static DescribedPredicate<JavaClass> edge() {
        return DescribedPredicate.describe("the HTTP edge (controllers, controller advice, filters, interceptors, "
                + "error and security answers, web configuration)", javaClass -> {
            JavaClass top = topLevel(javaClass);
            return annotatedOrMeta(top, CONTROLLER) || annotatedOrMeta(top, CONTROLLER_ADVICE)
                    || annotatedOrMeta(top, CONFIGURATION) || EDGE_TYPES.stream().anyMatch(top::isAssignableTo);
        });
    }

    private static DescribedPredicate<JavaClass> assignableToAny(List<String> typeNames) {
        return DescribedPredicate.describe("are assignable to any of " + typeNames,
                javaClass -> typeNames.stream().anyMatch(javaClass::isAssignableTo));
    }

    private static DescribedPredicate<JavaMethod> handlerMethods() {
        return DescribedPredicate.describe("handle requests in controllers",
                method -> annotatedOrMeta(method, REQUEST_MAPPING) && annotatedOrMeta(topLevel(method.getOwner()), CONTROLLER));
    }

    private static ArchCondition<JavaMethod> notTakeOrReturnEntities() {
        return new ArchCondition<>("not take or return JPA entities") {
            @Override
            public void check(JavaMethod method, ConditionEvents events) {
                Stream.concat(Stream.of(method.getReturnType()), method.getParameterTypes().stream())
                        .map(JavaType::getAllInvolvedRawTypes).flatMap(Set::stream).distinct()
                        .filter(type -> annotatedOrMeta(type, ENTITY))
                        .forEach(entity -> events.add(SimpleConditionEvent.violated(method,
                                method.getFullName() + " takes or returns the JPA entity " + entity.getName())));
            }
        };
    }

    private static DescribedPredicate<JavaAccess<?>> readsTheSystemClock() {
        return DescribedPredicate.describe("read the system clock (Clock.system*(), now() without a Clock)", access -> {
            AccessTarget target = access.getTarget();
            String owner = target.getOwner().getName();
            String name = target.getName();
            if (owner.equals("java.time.Clock")) {
                return name.startsWith("system");
            }
            if (TIME_TYPES.contains(owner) && name.equals("now") && target instanceof AccessTarget.CodeUnitAccessTarget codeUnit) {
                return codeUnit.getRawParameterTypes().stream().noneMatch(type -> type.getName().equals("java.time.Clock"));
            }
            return false;
        });
    }

    private static DescribedPredicate<JavaConstructorCall> constructorOfAny(List<String> typeNames) {
        return DescribedPredicate.describe("construct any of " + typeNames,
                call -> typeNames.stream().anyMatch(call.getTarget().getOwner()::isAssignableTo));
    }

    private static ArchCondition<CanBeAnnotated> beAnnotatedWithAnyOf(String... annotations) {
        return new ArchCondition<>("be annotated with any of " + List.of(annotations)) {
            @Override
            public void check(CanBeAnnotated item, ConditionEvents events) {
                for (String annotation : annotations) {
                    if (annotatedOrMeta(item, annotation)) {
                        events.add(SimpleConditionEvent.satisfied(item, describe(item) + " is annotated with @" + annotation));
                    }
                }
            }
        };
    }

    private static String describe(Object item) {
        return item instanceof JavaCodeUnit unit ? unit.getFullName() : item instanceof JavaClass type ? type.getName() : item.toString();
    }

    private static boolean annotatedOrMeta(CanBeAnnotated element, String annotation) {
        return element.isAnnotatedWith(annotation) || element.isMetaAnnotatedWith(annotation);
    }

    private static JavaClass topLevel(JavaClass javaClass) {
        JavaClass current = javaClass;
        while (current.getEnclosingClass().isPresent()) {
            current = current.getEnclosingClass().get();
        }
        return current;
    }
}
