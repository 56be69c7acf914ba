/**
 * Client of Freebit: SIM/MVNO provisioning (emptool API). The typed client arrives with the external-systems issue; the module exists so
 * that services can already depend on it.
 */
package dev.portal.clients.freebit;
