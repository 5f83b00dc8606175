using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using MimeKit;

namespace Sesame.Testing;

/// <summary>
/// A real smtp4dev (the dotnet tool of <c>.config/dotnet-tools.json</c>, restored by <c>dotnet tool restore</c>)
/// started as its own process on loopback: SMTP on a given or free port, its web API on a free port, messages in
/// memory. Received messages are read back through that API as MIME. Disposing it stops it.
/// </summary>
public sealed partial class Smtp4dev : IAsyncDisposable
{
    private readonly Process process;
    private readonly string dataPath;
    private readonly StringBuilder output = new();
    private readonly HttpClient http = new();

    private Smtp4dev(Process process, string dataPath)
    {
        this.process = process;
        this.dataPath = dataPath;
    }

    public int SmtpPort { get; private set; }

    /// <summary>The web inbox, whose API the messages are read from.</summary>
    public Uri WebAddress { get; private set; } = null!;

    public string Output
    {
        get
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }

    /// <summary>
    /// Starts smtp4dev and returns once its SMTP server and web API listen. With <paramref name="refusedPrefix"/>, it
    /// refuses (550) every recipient whose address starts with it, as a server refuses an unknown mailbox.
    /// </summary>
    public static async Task<Smtp4dev> StartAsync(int smtpPort = 0, string? refusedPrefix = null)
    {
        var dataPath = Directory.CreateTempSubdirectory("sesame-smtp4dev-").FullName;
        var start = new ProcessStartInfo("dotnet", [
            "tool", "run", "smtp4dev", "--",
            $"--smtpport={smtpPort.ToString(CultureInfo.InvariantCulture)}", "--imapport=0", "--pop3port=0", "--bindaddress=127.0.0.1",
            "--urls=http://127.0.0.1:0", "--db=", "--nousersettings", $"--baseappdatapath={dataPath}",
        ])
        {
            WorkingDirectory = RepositoryPaths.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment.Remove("ASPNETCORE_URLS");
        if (refusedPrefix is not null)
        {
            start.Environment["ServerOptions__RecipientValidationExpression"] = $"!recipient.startsWith(\"{refusedPrefix}\")";
        }

        var smtp4dev = new Smtp4dev(Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start."), dataPath);
        var smtpListening = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var webListening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        void Collect(object sender, DataReceivedEventArgs line)
        {
            if (line.Data is null)
            {
                return;
            }

            lock (smtp4dev.output)
            {
                smtp4dev.output.AppendLine(line.Data);
            }

            if (SmtpListeningLine().Match(line.Data) is { Success: true } smtp)
            {
                smtpListening.TrySetResult(int.Parse(smtp.Groups["port"].Value, CultureInfo.InvariantCulture));
            }
            else if (WebListeningLine().Match(line.Data) is { Success: true } web)
            {
                webListening.TrySetResult(new Uri(web.Groups["address"].Value));
            }
        }

        smtp4dev.process.OutputDataReceived += Collect;
        smtp4dev.process.ErrorDataReceived += Collect;
        smtp4dev.process.EnableRaisingEvents = true;
        smtp4dev.process.Exited += (_, _) =>
        {
            var failure = new InvalidOperationException($"smtp4dev exited (is it restored? `dotnet tool restore`, as ./test.sh does): {smtp4dev.Output}");
            smtpListening.TrySetException(failure);
            webListening.TrySetException(failure);
        };
        smtp4dev.process.BeginOutputReadLine();
        smtp4dev.process.BeginErrorReadLine();
        try
        {
            // The first start on a machine may take a while: the tool's runtime files are loaded cold.
            smtp4dev.SmtpPort = await smtpListening.Task.WaitAsync(TimeSpan.FromSeconds(120), TimeProvider.System);
            smtp4dev.WebAddress = await webListening.Task.WaitAsync(TimeSpan.FromSeconds(120), TimeProvider.System);
        }
        catch
        {
            await smtp4dev.DisposeAsync();
            throw;
        }

        return smtp4dev;
    }

    /// <summary>Every message received, newest first, as the server stored it.</summary>
    public async Task<IReadOnlyList<MimeMessage>> MessagesAsync()
    {
        var page = await http.GetFromJsonAsync<JsonObject>(new Uri(WebAddress, "api/messages?pageSize=1000"));
        var messages = new List<MimeMessage>();
        foreach (var summary in page!["results"]!.AsArray())
        {
            await using var raw = await http.GetStreamAsync(new Uri(WebAddress, $"api/messages/{(string)summary!["id"]!}/raw"));
            messages.Add(await MimeMessage.LoadAsync(raw));
        }

        return messages;
    }

    /// <summary>The messages received for <paramref name="address"/>, oldest first.</summary>
    public async Task<IReadOnlyList<MimeMessage>> MessagesToAsync(string address) =>
        [.. (await MessagesAsync()).Where(message => message.To.Mailboxes.Any(to => to.Address == address)).Reverse()];

    /// <summary>Waits until <paramref name="count"/> messages for <paramref name="address"/> have arrived, and returns them, oldest first.</summary>
    public async Task<IReadOnlyList<MimeMessage>> WaitForMessagesToAsync(string address, int count = 1)
    {
        await Eventually.TrueAsync(async () => (await MessagesToAsync(address)).Count >= count);
        return await MessagesToAsync(address);
    }

    public async ValueTask DisposeAsync()
    {
        http.Dispose();
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }

        await process.WaitForExitAsync();
        process.Dispose();
        Directory.Delete(dataPath, recursive: true);
    }

    [GeneratedRegex(@"SMTP Server is listening on port (?<port>\d+) \(127\.0\.0\.1\)")]
    private static partial Regex SmtpListeningLine();

    [GeneratedRegex(@"Now listening on: (?<address>http://127\.0\.0\.1:\d+)")]
    private static partial Regex WebListeningLine();
}
