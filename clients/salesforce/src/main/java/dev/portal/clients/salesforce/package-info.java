/**
 * Client of Salesforce: CRM REST with OAuth, and Change Data Capture streaming over CometD. The typed client arrives with the external-systems issue; the module exists so
 * that services can already depend on it.
 */
package dev.portal.clients.salesforce;
