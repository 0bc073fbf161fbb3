package org.partynet.neo4j;

import org.neo4j.driver.Driver;

/**
 * The service's own database set-up (migrations, then the sample network into an empty
 * database), opened to the tests' support code, which lives in another package: a test
 * without Spring gets exactly the database that the application would make.
 */
public final class SampleDatabase {

	private SampleDatabase() {
	}

	public static void setUp(Driver driver) {
		DatabaseSetup.run(driver, true);
	}

}
