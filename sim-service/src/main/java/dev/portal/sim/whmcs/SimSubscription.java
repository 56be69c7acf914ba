package dev.portal.sim.whmcs;

/**
 * A SIM product a client holds in WHMCS: the portal's SIM id is the WHMCS service id.
 *
 * @param status WHMCS's service status as it spells it ({@code Active}, {@code Suspended}, {@code Cancelled}, ...)
 */
public record SimSubscription(long id, String msisdn, String product, String status) {

    public boolean active() {
        return "Active".equals(status);
    }
}
