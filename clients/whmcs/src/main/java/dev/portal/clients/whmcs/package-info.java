/**
 * Client of the WHMCS External API ({@code POST {base}/includes/api.php}): one typed method per action the suite
 * uses, WHMCS's loose types (numbers as strings, empty strings for empty lists, {@code 0000-00-00} for no date)
 * read into records, WHMCS error results as {@link dev.portal.clients.whmcs.WhmcsApiException}.
 */
package dev.portal.clients.whmcs;
