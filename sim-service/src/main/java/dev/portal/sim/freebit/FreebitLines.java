package dev.portal.sim.freebit;

import dev.portal.clients.freebit.AccountDetail;
import dev.portal.clients.freebit.ContractLine;
import dev.portal.clients.freebit.EsimReissue;
import dev.portal.clients.freebit.FreebitApiException;
import dev.portal.clients.freebit.FreebitClient;
import dev.portal.clients.freebit.PlanChange;
import dev.portal.clients.freebit.QuotaTopUp;
import dev.portal.clients.freebit.TalkOptions;
import dev.portal.clients.freebit.TrafficInfo;
import dev.portal.clients.support.CircuitOpenException;
import dev.portal.clients.support.ExternalAuthenticationException;
import dev.portal.clients.support.ExternalSystemException;
import java.time.LocalDate;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * The SIM lines at Freebit, in the portal's words: reads give {@link Line} and {@link Traffic}; changes either
 * return (Freebit accepted them), throw {@link LineChangeRefused} (nothing changed, with a reason for the
 * customer) or {@link LineChangeUnconfirmed} (no verdict). Read failures stay the client's exceptions, which the
 * web edge answers with 502/503/504.
 */
@Component
public class FreebitLines {

    private final FreebitClient freebit;

    FreebitLines(FreebitClient freebit) {
        this.freebit = freebit;
    }

    public Line line(String msisdn) {
        AccountDetail d = freebit.accountDetail(msisdn);
        return new Line(d.account(), d.state(), d.planCode(), d.contractLine() == null ? null : d.contractLine().wire(),
                d.esim(), d.eid(), d.productNumber(), d.voice(), d.talkOptions(), d.remainingKb(), d.startDate(),
                d.cancelDate(), d.reservedOrders().stream()
                        .map(o -> new Line.PendingOrder(o.order(), o.runTime(), o.details())).toList());
    }

    public Traffic traffic(String msisdn) {
        TrafficInfo info = freebit.trafficInfo(msisdn);
        return new Traffic(info.remainingKb(), info.todayUsageKb(),
                info.days().stream().map(d -> new Traffic.Day(d.date(), d.usedKb())).toList());
    }

    /** Adds {@code quotaMb} now; {@code quotaCode} shows in Freebit's quota history. */
    public void addQuota(String msisdn, int quotaMb, String quotaCode) {
        change(() -> {
            freebit.addQuota(new QuotaTopUp(msisdn, quotaMb, quotaCode, null));
            return null;
        });
    }

    /** Reserves a plan change effective {@code runDate}. */
    public void changePlan(String msisdn, String planCode, LocalDate runDate) {
        change(() -> freebit.changePlan(new PlanChange(msisdn, planCode, false, runDate)));
    }

    /** Changes the named voice options (absent ones stay as they are). */
    public void changeVoiceOptions(String msisdn, Map<String, Boolean> options) {
        TalkOptions talk = new TalkOptions(options.get("voiceMail"), options.get("callWaiting"), options.get("worldCall"),
                options.get("worldWing"));
        change(() -> {
            freebit.changeTalkOptions(msisdn, talk);
            return null;
        });
    }

    /** Switches the line to {@code 4G} or {@code 5G}. */
    public void changeNetworkType(String msisdn, String networkType) {
        ContractLine line = "5G".equals(networkType) ? ContractLine.NR_5G : ContractLine.LTE_4G;
        change(() -> {
            freebit.changeContractLine(msisdn, line);
            return null;
        });
    }

    /** Cancels the line effective {@code runDate}. */
    public void cancel(String msisdn, LocalDate runDate) {
        change(() -> {
            freebit.cancel(msisdn, runDate);
            return null;
        });
    }

    /** Reissues the line's eSIM profile onto {@code newEid}, naming the profile it replaces. */
    public void reissueEsim(String msisdn, String newEid, String oldProductNumber, String oldEid) {
        change(() -> {
            freebit.reissueEsim(new EsimReissue(msisdn, newEid, oldProductNumber, oldEid));
            return null;
        });
    }

    private static void change(Supplier<?> call) {
        try {
            call.get();
        } catch (FreebitApiException e) {
            throw new LineChangeRefused(FreebitReasons.of(e.verdict().resultCode()), e.verdict().toString(), e);
        } catch (CircuitOpenException | ExternalAuthenticationException e) {
            throw new LineChangeRefused("Freebit could not be reached; nothing was changed.", e.toString(), e);
        } catch (ExternalSystemException e) {
            throw new LineChangeUnconfirmed(e.toString(), e);
        }
    }
}
