using System.Diagnostics;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;
using Scim.Grains.Documents;
using Scim.Grains.Interfaces.Platform;
using Scim.Grains.Interfaces.References;
using Scim.Grains.Interfaces.Resources;
using Scim.Grains.Interfaces.Telemetry;
using Scim.Grains.Interfaces.Tenants;
using Scim.Grains.Rules;
using Scim.Grains.Storage;
using Scim.Grains.Telemetry;

namespace Scim.Grains.Mail;

/// <summary>
/// Sends what the outbox holds, on every silo: claims due messages under a lease (<see cref="MailOptions.LeaseSeconds"/>),
/// makes each one's temporary password (its hash goes to the user's account first, so the password mailed is the one
/// that works), sends, and marks it sent, at most <see cref="MailOptions.MaxPerSecond"/>; no send starts in the lease's
/// second half. A transient failure is retried
/// with a growing wait until <see cref="MailOptions.GiveUpAfterHours"/>; a refusal fails at once. Nothing here may stop
/// the silo: a failing message is recorded and the loop goes on.
/// </summary>
public sealed partial class OutboxDispatcher(
    IOutboxStore outbox,
    IResourceStore store,
    IGrainFactory grains,
    IMailSender sender,
    IOptions<MailOptions> options,
    TimeProvider clock,
    ProvisioningMetrics metrics,
    ILogger<OutboxDispatcher> logger) : BackgroundService
{
    /// <summary>How often the backlog is counted for the outbox gauges.</summary>
    public static readonly TimeSpan BacklogInterval = TimeSpan.FromSeconds(10);

    private long backlogCounted = long.MinValue;

    public const int BatchSize = 20;
    public static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(500);
    public static readonly TimeSpan LongestWait = TimeSpan.FromMinutes(10);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var claimed = 0;
            try
            {
                await CountBacklogAsync(stoppingToken);
                var claimedAt = clock.GetUtcNow();
                var lease = TimeSpan.FromSeconds(options.Value.LeaseSeconds);
                var leaseUntil = claimedAt + lease;
                var messages = await outbox.ClaimAsync(BatchSize, claimedAt, leaseUntil, stoppingToken);
                claimed = messages.Count;
                // A send begun late in the lease could outlast it, and another silo, claiming the message then, would send it
                // again: past half the lease the rest of the batch goes back to the queue for the next claim, here or elsewhere.
                var startBefore = claimedAt + lease / 2;
                var spacing = TimeSpan.FromSeconds(1.0 / Math.Max(1, options.Value.MaxPerSecond));
                for (var next = 0; next < messages.Count; next++)
                {
                    if (clock.GetUtcNow() >= startBefore)
                    {
                        await outbox.ReleaseAsync(messages.Skip(next).ToList(), leaseUntil, stoppingToken);
                        break;
                    }
                    var started = clock.GetTimestamp();
                    await DispatchAsync(messages[next], stoppingToken);
                    var rest = spacing - clock.GetElapsedTime(started);
                    if (rest > TimeSpan.Zero) await Task.Delay(rest, clock, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                LogOutboxUnreadable(e);
            }
            if (claimed < BatchSize) await Task.Delay(PollInterval, clock, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    private async Task CountBacklogAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetTimestamp();
        if (backlogCounted != long.MinValue && clock.GetElapsedTime(backlogCounted, now) < BacklogInterval) return;
        backlogCounted = now;
        var backlog = await outbox.BacklogAsync(cancellationToken);
        metrics.OutboxBacklog(backlog.Queued, backlog.OldestCreated is { } oldest ? clock.GetUtcNow() - oldest : TimeSpan.Zero);
    }

    private async Task DispatchAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        using var activity = ProvisioningMetrics.Activities.StartActivity("outbox send", ActivityKind.Consumer);
        activity?.SetTag("scim.mail.kind", message.Kind.ToString());
        activity?.SetTag("scim.mail.attempt", message.Attempts);
        CallerTrace.Carry(activity);
        try
        {
            var mime = await ComposeAsync(message);
            if (mime is null) return;
            await sender.SendAsync(mime, cancellationToken);
            await outbox.MarkSentAsync(message, clock.GetUtcNow(), cancellationToken);
            metrics.MailSent();
            LogSent(message.Tenant, message.UserId, message.Kind, message.Attempts);
        }
        catch (MailRefusedException e)
        {
            activity?.SetStatus(ActivityStatusCode.Error, "refused");
            await FailAsync(message, e.Message, cancellationToken);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            activity?.SetStatus(ActivityStatusCode.Error, e.GetType().Name);
            var now = clock.GetUtcNow();
            if (now - message.Created > TimeSpan.FromHours(options.Value.GiveUpAfterHours))
            {
                await FailAsync(message, $"Gave up after {message.Attempts} attempts; the last said: {e.Message}", cancellationToken);
                return;
            }
            var wait = TimeSpan.FromSeconds(Math.Min(LongestWait.TotalSeconds, Math.Pow(2, Math.Min(message.Attempts, 20))));
            LogRetry(message.Tenant, message.UserId, message.Attempts, wait, e.Message);
            metrics.MailFailed("retried");
            await outbox.RetryAsync(message, now + wait, e.Message, cancellationToken);
        }
    }

    /// <summary>The message to send, with a fresh temporary password already set on the account; null when there is nothing to send (recorded).</summary>
    private async Task<MimeMessage?> ComposeAsync(OutboxMessage message)
    {
        var user = await store.GetAsync(message.Tenant, ResourceKind.User, message.UserId, CancellationToken.None);
        if (user is null) return await FailedAsync(message, "The user no longer exists.");
        if (ResourceDocument.PrimaryEmail(user.Document) is not { } address) return await FailedAsync(message, "The user has no e-mail address.");
        if (!MailboxAddress.TryParse(address, out var to) || to.Address.Contains('\n') || to.Address.Contains('\r'))
            return await FailedAsync(message, $"'{AccountMessage.OneLine(address)}' is not an e-mail address mail can go to.");
        to.Name = ResourceDocument.GetString(user.Document, "displayName") ?? "";
        var settings = options.Value;
        var platform = (await grains.Grain<ITenantGrain>(message.Tenant).GetAsync())?.DisplayName ?? message.Tenant;
        var userName = ResourceDocument.GetString(user.Document, UniqueNames.Attribute(ResourceKind.User)) ?? address;
        var password = TemporaryPasswords.New();
        var expires = clock.GetUtcNow() + TimeSpan.FromDays(settings.TemporaryPasswordDays);
        await grains.Grain<IAccountGrain>(ResourceKeys.Of(message.Tenant, message.UserId)).SetTemporaryPasswordAsync(TemporaryPasswords.Hash(password), expires);
        var signIn = $"{(settings.PublicBaseUrl ?? "http://localhost:5000").TrimEnd('/')}/t/{message.Tenant}/login";
        return AccountMessage.Build(message.Kind, settings.From, platform, to, userName, password, expires, signIn);
    }

    private async Task<MimeMessage?> FailedAsync(OutboxMessage message, string reason)
    {
        await FailAsync(message, reason, CancellationToken.None);
        return null;
    }

    private async Task FailAsync(OutboxMessage message, string reason, CancellationToken cancellationToken)
    {
        LogFailed(message.Tenant, message.UserId, reason);
        metrics.MailFailed("given_up");
        await outbox.MarkFailedAsync(message, clock.GetUtcNow(), reason, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The outbox could not be read; trying again shortly.")]
    private partial void LogOutboxUnreadable(Exception error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Mail ({Kind}) sent to user {UserId} of tenant {Tenant}, attempt {Attempt}.")]
    private partial void LogSent(string tenant, string userId, MailKind kind, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Mail to user {UserId} of tenant {Tenant} failed (attempt {Attempt}); retrying in {Wait}: {Error}")]
    private partial void LogRetry(string tenant, string userId, int attempt, TimeSpan wait, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Mail to user {UserId} of tenant {Tenant} is not sent: {Reason}")]
    private partial void LogFailed(string tenant, string userId, string reason);
}
