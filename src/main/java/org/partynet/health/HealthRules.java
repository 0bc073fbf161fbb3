package org.partynet.health;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The thresholds of the party rules (defaults from 中国共产党支部工作条例（试行）, 2018). A
 * configuration that contradicts itself stops the start with a message naming the
 * property.
 *
 * @param branchMinFullMembers a branch needs at least this many full members (第四条)
 * @param generalBranchMembers from this many members, a general branch (党总支)
 * @param grassrootsCommitteeMembers from this many members, a grassroots committee (基层党委)
 * @param committeeFromFullMembers from this many full members, a branch committee (第二十条)
 * @param committeeMinSize smallest branch committee
 * @param committeeMaxSize largest branch committee
 * @param jointBranchMaxUnits most units a joint branch covers (第四条)
 * @param communityTermYears term of a community committee (第二十一条)
 * @param branchTermYears term of other branch committees (第二十一条)
 * @param firstReminderMonths first reminder before a term ends
 * @param secondReminderMonths second reminder before a term ends
 */
@ConfigurationProperties("partynet.health")
public record HealthRules(@DefaultValue("3") int branchMinFullMembers, @DefaultValue("50") int generalBranchMembers,
		@DefaultValue("100") int grassrootsCommitteeMembers, @DefaultValue("7") int committeeFromFullMembers,
		@DefaultValue("3") int committeeMinSize, @DefaultValue("7") int committeeMaxSize,
		@DefaultValue("5") int jointBranchMaxUnits, @DefaultValue("5") int communityTermYears,
		@DefaultValue("3") int branchTermYears, @DefaultValue("6") int firstReminderMonths,
		@DefaultValue("3") int secondReminderMonths) {

	public HealthRules {
		atMost("branch-min-full-members", branchMinFullMembers, "general-branch-members", generalBranchMembers);
		atMost("general-branch-members", generalBranchMembers, "grassroots-committee-members",
				grassrootsCommitteeMembers);
		atMost("committee-min-size", committeeMinSize, "committee-max-size", committeeMaxSize);
		atMost("second-reminder-months", secondReminderMonths, "first-reminder-months", firstReminderMonths);
		positive("branch-min-full-members", branchMinFullMembers);
		positive("committee-min-size", committeeMinSize);
		positive("joint-branch-max-units", jointBranchMaxUnits);
		positive("community-term-years", communityTermYears);
		positive("branch-term-years", branchTermYears);
		positive("second-reminder-months", secondReminderMonths);
	}

	private static void atMost(String lower, int low, String upper, int high) {
		if (low > high) {
			throw new IllegalArgumentException(
					"partynet.health.%s (%d) must not be greater than partynet.health.%s (%d)".formatted(lower, low,
							upper, high));
		}
	}

	private static void positive(String name, int value) {
		if (value < 1) {
			throw new IllegalArgumentException("partynet.health.%s must be at least 1, was %d".formatted(name, value));
		}
	}

}
