/**
 * Client of Freebit's MVNO API ("emptool"): {@link dev.portal.clients.freebit.FreebitClient} with typed requests
 * and results, the authKey obtained, cached and renewed for the caller, and vendor refusals as
 * {@link dev.portal.clients.freebit.FreebitApiException}.
 */
package dev.portal.clients.freebit;
