package org.partynet.network;

/** Counts of the network inside a scope; see {@code NetworkStats} in schema.graphqls. */
public record NetworkStats(int streetCommittees, int communityCommittees, int gridBranches, int buildingGroups,
		int buildingHeads, int grids, int buildings, int commercialSites, int alliances, int partTimeMembers,
		int instructors, int partyMembers, int units) {
}
