package org.partynet.person;

/** 正式党员 full or 预备党员 probationary member. */
public enum PartyStatus {

	FULL, PROBATIONARY

}
