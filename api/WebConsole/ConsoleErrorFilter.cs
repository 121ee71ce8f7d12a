using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MatchEngine.Api.WebConsole;

/// <summary>
/// Shows a page's failure as one Dutch sentence on that page (<see cref="ConsolePage.Error"/>) with the matching HTTP
/// status; an unexpected failure is logged with its details and shown as <see cref="ConsoleErrors.Unexpected"/>.
/// </summary>
public sealed partial class ConsoleErrorFilter(ILogger<ConsoleErrorFilter> logger) : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var executed = await next();
        if (executed.Exception is not { } e || executed.ExceptionHandled || executed.HandlerInstance is not ConsolePage page) return;
        var known = ConsoleErrors.Known(e, page.FieldLabels);
        if (known is null) LogUnexpected(logger, context.ActionDescriptor.ViewEnginePath, e);
        page.Error = known?.Sentence ?? ConsoleErrors.Unexpected;
        executed.ExceptionHandled = true;
        executed.Result = new PageResult { StatusCode = known?.Status ?? StatusCodes.Status500InternalServerError };
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Console page {Page} failed")]
    private static partial void LogUnexpected(ILogger logger, string page, Exception exception);
}
