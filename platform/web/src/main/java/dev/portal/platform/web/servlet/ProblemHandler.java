package dev.portal.platform.web.servlet;

import dev.portal.platform.errors.DomainException;
import dev.portal.platform.errors.UpstreamFailure;
import dev.portal.platform.web.ErrorProblems;
import dev.portal.platform.web.ProblemException;
import dev.portal.platform.web.Problems;
import jakarta.validation.ConstraintViolationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Every error a controller can raise becomes {@code application/problem+json} with a stable {@code code};
 * validation failures list their fields; unexpected failures are logged with the request id and answered
 * with a generic 500 that gives nothing away.
 */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);
    static final String VALIDATION_FAILED = "validation-failed";

    private final Problems problems;
    private final ErrorProblems errors;

    ProblemHandler(Problems problems, ErrorProblems errors) {
        this.problems = problems;
        this.errors = errors;
    }

    @ExceptionHandler(DomainException.class)
    ResponseEntity<ProblemDetail> handleRefusal(DomainException refusal) {
        return answer(errors.of(refusal));
    }

    @ExceptionHandler(UpstreamFailure.class)
    ResponseEntity<ProblemDetail> handleUpstream(UpstreamFailure failure) {
        return answer(errors.of(failure));
    }

    private static ResponseEntity<ProblemDetail> answer(ErrorProblems.Answer answer) {
        return ResponseEntity.status(answer.status()).headers(answer.headers()).body(answer.body());
    }

    @ExceptionHandler(ProblemException.class)
    ResponseEntity<ProblemDetail> handleProblem(ProblemException problem) {
        ProblemDetail body = problems.create(problem.status(), problem.code(), problem.title(), problem.getMessage());
        problem.properties().forEach(body::setProperty);
        return ResponseEntity.status(problem.status()).body(body);
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<ProblemDetail> handleConstraintViolation(ConstraintViolationException exception) {
        List<Map<String, String>> errors = new ArrayList<>();
        exception.getConstraintViolations().forEach(violation -> errors.add(
                fieldError(leaf(violation.getPropertyPath().toString()), violation.getMessage())));
        return validationProblem(errors);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> handleUnexpected(Exception exception) {
        log.error("unhandled failure", exception);
        return ResponseEntity.internalServerError().body(problems.create(HttpStatus.INTERNAL_SERVER_ERROR,
                "internal-error", "Internal error", "The request could not be completed. Quote the request id when reporting it."));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException exception,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = new ArrayList<>();
        exception.getBindingResult().getFieldErrors().forEach(error -> errors.add(fieldError(error)));
        exception.getBindingResult().getGlobalErrors().forEach(error ->
                errors.add(fieldError(error.getObjectName(), error.getDefaultMessage())));
        return ResponseEntity.badRequest().body(validationProblem(errors).getBody());
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException exception,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = new ArrayList<>();
        exception.getParameterValidationResults().forEach(result -> result.getResolvableErrors().forEach(error ->
                errors.add(error instanceof FieldError field ? fieldError(field)
                        : fieldError(result.getMethodParameter().getParameterName(), error.getDefaultMessage()))));
        return ResponseEntity.badRequest().body(validationProblem(errors).getBody());
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception exception, Object body, HttpHeaders headers,
            HttpStatusCode statusCode, WebRequest request) {
        ProblemDetail problem = body instanceof ProblemDetail detail ? detail
                : ProblemDetail.forStatusAndDetail(statusCode, HttpStatus.valueOf(statusCode.value()).getReasonPhrase());
        String code = codeFor(exception, statusCode);
        if (exception instanceof HttpMessageNotReadableException) {
            // the parser's message may echo input or name internal types
            problem.setDetail("The request body is missing or is not valid JSON of the expected shape.");
        }
        problems.decorate(problem, code, null);
        return ResponseEntity.status(statusCode).headers(headers).body(problem);
    }

    private static String codeFor(Exception exception, HttpStatusCode status) {
        return switch (exception) {
            case HttpMessageNotReadableException e -> "malformed-body";
            case MissingServletRequestParameterException e -> "missing-parameter";
            case TypeMismatchException e -> "invalid-parameter";
            case NoResourceFoundException e -> "not-found";
            case HttpRequestMethodNotSupportedException e -> "method-not-allowed";
            case HttpMediaTypeNotSupportedException e -> "unsupported-media-type";
            default -> Problems.codeFor(status);
        };
    }

    private ResponseEntity<ProblemDetail> validationProblem(List<Map<String, String>> errors) {
        ProblemDetail problem = problems.create(HttpStatus.BAD_REQUEST, VALIDATION_FAILED, "Validation failed",
                "The request has " + errors.size() + " invalid field(s).");
        problem.setProperty("errors", errors);
        return ResponseEntity.badRequest().body(problem);
    }

    private static Map<String, String> fieldError(FieldError error) {
        return fieldError(error.getField(), error.getDefaultMessage());
    }

    private static Map<String, String> fieldError(String field, String message) {
        return Map.of("field", field, "message", message == null ? "is invalid" : message);
    }

    private static String leaf(String propertyPath) {
        int dot = propertyPath.indexOf('.');
        return dot < 0 ? propertyPath : propertyPath.substring(dot + 1);
    }
}
