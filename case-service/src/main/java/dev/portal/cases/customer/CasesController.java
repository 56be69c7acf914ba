package dev.portal.cases.customer;

import dev.portal.platform.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.Valid;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The caller's support cases: the Account always comes from the access token, never from the request. */
@RestController
@RequestMapping("/api/cases")
class CasesController {

    private final CaseManagement cases;
    private final CurrentUser currentUser;

    CasesController(CaseManagement cases, CurrentUser currentUser) {
        this.cases = cases;
        this.currentUser = currentUser;
    }

    @Operation(summary = "The Account's cases, newest first", description = "status: open, closed, or one status of portal.case.statuses")
    @GetMapping
    CaseSummaryView.Page list(@Parameter(description = "open, closed, or a status such as New") @RequestParam(required = false) String status,
                              @Parameter(description = "page number, from 1") @RequestParam(defaultValue = "1") int page,
                              @Parameter(description = "cases per page") @RequestParam(required = false) Integer size) {
        CaseManagement.CasePage found = cases.list(currentUser.get(), status, page, size);
        return new CaseSummaryView.Page(found.cases().stream().map(CaseSummaryView::of).toList(), found.page(), found.size(), found.total());
    }

    @Operation(summary = "One case of the Account with its public comments")
    @GetMapping("/{id}")
    CaseDetailView show(@PathVariable String id) {
        return CaseDetailView.of(cases.show(currentUser.get(), id));
    }

    @Operation(summary = "Open a case on the Account (Origin Portal Website, Status New)")
    @PostMapping
    ResponseEntity<CaseDetailView> open(@Valid @RequestBody OpenCaseRequest request) {
        CaseManagement.CaseDetails opened = cases.open(currentUser.get(), request.subject(), request.description(), request.category());
        return ResponseEntity.created(URI.create("/api/cases/" + opened.supportCase().id().value())).body(CaseDetailView.of(opened));
    }
}
