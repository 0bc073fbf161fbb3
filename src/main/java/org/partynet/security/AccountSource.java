package org.partynet.security;

/**
 * Where an account's sign-in is checked; see {@code AccountSource} in schema.graphqls.
 */
public enum AccountSource {

	LOCAL, CONFIGURATION, DIRECTORY, SINGLE_SIGN_ON

}
