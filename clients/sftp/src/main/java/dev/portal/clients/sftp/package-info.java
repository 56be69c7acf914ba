/**
 * Client of SFTP: call and SMS detail record files. The typed client arrives with the external-systems issue; the module exists so
 * that services can already depend on it.
 */
package dev.portal.clients.sftp;
