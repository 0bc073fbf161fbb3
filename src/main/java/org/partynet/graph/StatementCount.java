package org.partynet.graph;

/**
 * How many statements the current thread has sent through {@link Graph} since it last
 * started counting: a request runs its statements on its own thread, so that the
 * slow-request log can say how many it took.
 */
public final class StatementCount {

	private static final ThreadLocal<int[]> count = ThreadLocal.withInitial(() -> new int[1]);

	private StatementCount() {
	}

	/** Starts counting anew on this thread. */
	public static void reset() {
		count.get()[0] = 0;
	}

	/** The statements sent on this thread since {@link #reset()}. */
	public static int current() {
		return count.get()[0];
	}

	static void add() {
		count.get()[0]++;
	}

}
