package org.partynet.network;

import org.partynet.support.HarnessTestSupport;

/** The API contract against a real Neo4j running in this JVM. */
class NetworkApiHarnessTests extends HarnessTestSupport implements NetworkApiContract {

}
