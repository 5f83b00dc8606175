using System.Buffers.Text;
using System.Security.Cryptography;
using Sesame.LoadTest.Inbox;
using Sesame.LoadTest.Members;
using Sesame.V1;

namespace Sesame.LoadTest.Scenarios;

/// <summary>The steps the portals take for their members, with the pauses of a person at each.</summary>
internal static class PortalSteps
{
    /// <summary>Typing an identifier and a PIN or password, or pressing a keypad.</summary>
    public static readonly TimeSpan Typing = TimeSpan.FromSeconds(6);

    /// <summary>Reading a page before the next click.</summary>
    public static readonly TimeSpan Reading = TimeSpan.FromSeconds(8);

    /// <summary>Looking for the e-mail and copying its code.</summary>
    public static readonly TimeSpan CopyingCode = TimeSpan.FromSeconds(10);

    /// <summary>Signs in as the member's portal does: cpms on a fresh keypad, mnt after its challenge, the others with the secret.</summary>
    public static async Task<LoginReply> SignInAsync(Journey journey, TestMember member, string secret)
    {
        var clients = journey.Context.Clients;
        var request = new LoginRequest { Tenant = member.Tenant, Identifier = member.Identifier };
        switch (member.Tenant)
        {
            case "cpms":
                var keypad = await journey.CallAsync("IssueKeypad", options => clients.Portal(member.Tenant).MemberAuth.IssueKeypadAsync(new IssueKeypadRequest { Tenant = member.Tenant }, options));
                await journey.ThinkAsync(Typing);
                request.KeypadId = keypad.KeypadId;
                request.Positions.AddRange(secret.Select(digit => keypad.Digits.IndexOf(digit - '0')));
                break;
            case "mnt":
                var challenge = await journey.CallAsync("IssueChallenge", options => clients.Portal(member.Tenant).MemberAuth.IssueChallengeAsync(new IssueChallengeRequest { Tenant = member.Tenant }, options));
                await journey.ThinkAsync(Typing);
                request.Secret = secret;
                request.ChallengeId = challenge.ChallengeId;
                request.ChallengeChoiceId = challenge.Choices.FirstOrDefault(choice => Shows(choice.Picture, challenge.Word))?.ChoiceId ?? string.Empty;
                break;
            case "mes":
                request.Secret = secret;
                request.AccessCodeChannel = CodeChannel.Email;
                break;
            default:
                request.Secret = secret;
                break;
        }

        return await journey.CallAsync("Login", options => clients.Portal(member.Tenant).MemberAuth.LoginAsync(request, options));
    }

    /// <summary>
    /// What a signed-in member does: accepts pending terms, reads two to six pages (each validates the session), and
    /// seven times in ten signs out. Null when all went as expected, otherwise what did not.
    /// </summary>
    public static async Task<string?> BrowseAsync(Journey journey, string tenant, LoginReply signedIn)
    {
        var clients = journey.Context.Clients;
        if (signedIn.TermsVersionToAccept.Length > 0)
        {
            await journey.ThinkAsync(Reading);
            await journey.CallAsync("AcceptTerms", options => clients.Portal(tenant).MemberAuth.AcceptTermsAsync(new AcceptTermsRequest { Tenant = tenant, SessionToken = signedIn.SessionToken, TermsVersion = signedIn.TermsVersionToAccept }, options));
        }

        for (var page = Random.Shared.Next(2, 7); page > 0; page--)
        {
            await journey.ThinkAsync(Reading);
            var session = await journey.CallAsync("ValidateSession", options => clients.Portal(tenant).MemberAuth.ValidateSessionAsync(new ValidateSessionRequest { Tenant = tenant, SessionToken = signedIn.SessionToken }, options));
            if (!session.Valid)
            {
                return "session not valid while browsing";
            }
        }

        if (Random.Shared.Next(10) < 7)
        {
            await journey.ThinkAsync(Reading);
            var logout = await journey.CallAsync("Logout", options => clients.Portal(tenant).MemberAuth.LogoutAsync(new LogoutRequest { Tenant = tenant, SessionToken = signedIn.SessionToken }, options));
            if (!logout.Ended)
            {
                return "Logout ended no session";
            }
        }

        return null;
    }

    /// <summary>A sign-in that should succeed, then the visit: the journey's outcome.</summary>
    public static async Task<string> SignInAndBrowseAsync(Journey journey, TestMember member)
    {
        var reply = await SignInAsync(journey, member, member.Secret);
        if (reply.Status != LoginStatus.Succeeded)
        {
            return Outcomes.Unexpected($"Login {reply.Status}");
        }

        return await BrowseAsync(journey, member.Tenant, reply) is { } problem ? Outcomes.Unexpected(problem) : Outcomes.Ok;
    }

    /// <summary>Plays <paramref name="play"/> with a member of one of <paramref name="tenants"/> held for the journey, or skips.</summary>
    public static async Task<string> WithMemberAsync(Journey journey, IReadOnlyList<string> tenants, Func<TestMember, Task<string>> play)
    {
        var accounts = journey.Context.Accounts;
        var first = Random.Shared.Next(tenants.Count);
        var member = Enumerable.Range(0, tenants.Count).Select(offset => accounts.Lease(tenants[(first + offset) % tenants.Count])).FirstOrDefault(leased => leased is not null);
        if (member is null)
        {
            return Outcomes.NoMember;
        }

        try
        {
            return await play(member);
        }
        finally
        {
            accounts.Return(member);
        }
    }

    /// <summary>
    /// Sends what e-mails the member a code (<paramref name="send"/> answers null when the reply was as expected, else
    /// the outcome), then waits for the code in the inbox and copies it: the code, or the journey's outcome.
    /// </summary>
    public static async Task<(string? Code, string? Outcome)> ReceiveCodeAsync(Journey journey, TestMember member, string what, Func<Task<string?>> send)
    {
        var context = journey.Context;
        var inbox = context.Inbox ?? throw new InvalidOperationException($"Reading {what} needs an inbox.");
        var seen = (await inbox.CodesToAsync(member.Email, journey.CancellationToken)).Count;
        if (await send() is { } outcome)
        {
            return (null, outcome);
        }

        if (await inbox.WaitForNewAsync(member.Email, seen, context.CodeWait, context.Time, journey.CancellationToken) is not { } code)
        {
            return (null, Outcomes.Unexpected($"no {what} e-mailed"));
        }

        journey.Restart();
        await journey.ThinkAsync(CopyingCode);
        return (code, null);
    }

    /// <summary>A new flow id, as a portal's page makes one (128 random bits, base64url).</summary>
    public static string NewFlowId() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(24));

    /// <summary>
    /// Whether mnt's challenge picture shows the word. The portal keeps that map; the tool relies on the demo's
    /// pictures being named after their words without accents (velo.png for vélo). Other pictures answer
    /// CHALLENGE_FAILED, reported as unexpected.
    /// </summary>
    private static bool Shows(string picture, string word) =>
        string.Equals(Path.GetFileNameWithoutExtension(picture), string.Concat(word.Select(WithoutAccent)), StringComparison.OrdinalIgnoreCase);

    private static char WithoutAccent(char letter) => "àâäéèêëîïôöùûüç".IndexOf(letter, StringComparison.Ordinal) is var at and >= 0 ? "aaaeeeeiioouuuc"[at] : letter;
}
