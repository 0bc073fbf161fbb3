/**
 * What an operator watches: health for the load balancer ({@code /actuator/health} and
 * its liveness and readiness groups), metrics for Prometheus
 * ({@code /actuator/prometheus}: GraphQL operations, imports and exports, sign-in
 * failures, the driver's connection pool), and logs that can be followed (a request id on
 * every line, a line per slow request, a startup line). Not the party network's health
 * checks: those are {@code health/}.
 */
package org.partynet.operations;
