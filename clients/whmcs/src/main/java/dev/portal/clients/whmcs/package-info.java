/**
 * Client of WHMCS: billing (clients, invoices, payment methods, services, orders, SSO). The typed client arrives with the external-systems issue; the module exists so
 * that services can already depend on it.
 */
package dev.portal.clients.whmcs;
