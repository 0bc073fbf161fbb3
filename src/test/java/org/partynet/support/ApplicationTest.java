package org.partynet.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;

/**
 * The slow tier: a test that starts the whole application, a browser or a JVM of its own,
 * or that plans every statement of the service (a cold Cypher planner takes seconds
 * each). Such tests run in {@code mvn verify} (failsafe), not in {@code mvn test}
 * (surefire), which keeps to logic and queries on small fixtures. The shared bases
 * ({@link HarnessTestSupport} and what extends it) carry it, so a test class inherits its
 * tier from what it extends; jqwik properties, which Jupiter's annotations do not reach,
 * carry {@code @net.jqwik.api.Tag(ApplicationTest.TAG)}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@Tag(ApplicationTest.TAG)
public @interface ApplicationTest {

	/** The tag; pom.xml's {@code partynet.slow-tier} names it too. */
	String TAG = "application";

}
