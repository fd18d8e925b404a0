// The man page and bash completion against the CLI's own usage text (`dualx --help`): every
// command and every option the CLI documents must be in both, so neither goes stale silently.
#include <QFile>
#include <QMap>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

namespace {

QString readFile(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) return {};
    return QString::fromUtf8(f.readAll());
}

// Options by command, from the usage text: a command line starts with two spaces and the
// command's name; its continuation lines are indented further.
QMap<QString, QSet<QString>> usageOptions(const QString& usage)
{
    QMap<QString, QSet<QString>> options;
    QString command;
    static const QRegularExpression commandLine(QStringLiteral("^  ([a-z][a-z-]*) "));
    static const QRegularExpression option(QStringLiteral("(?<![\\w-])(-o|--[a-z][a-z0-9-]*)"));
    for (const auto& line : usage.split('\n')) {
        if (const auto m = commandLine.match(line); m.hasMatch()) {
            command = m.captured(1);
            options[command];
        } else if (!line.startsWith(QStringLiteral("    ")) || command.isEmpty()) {
            if (!line.startsWith(QStringLiteral("  "))) command.clear();
            continue;
        }
        // Only the bracketed synopsis names options; the prose after it may quote others.
        auto it = option.globalMatch(line);
        while (it.hasNext()) options[command].insert(it.next().captured(1));
    }
    return options;
}

} // namespace

class TestPackagingCliDocs : public QObject {
    Q_OBJECT
    QMap<QString, QSet<QString>> m_usage;

private Q_SLOTS:
    void initTestCase()
    {
        QProcess p;
        p.start(QStringLiteral(DUALX_CLI_PATH), {QStringLiteral("--help")});
        QVERIFY(p.waitForFinished(60'000));
        m_usage = usageOptions(QString::fromUtf8(p.readAllStandardOutput() + p.readAllStandardError()));
        // The parse itself is checked, so an empty table cannot pass everything below.
        QVERIFY2(m_usage.contains("upscale") && m_usage["upscale"].contains("--deinterlace"), "usage text not parsed");
        QVERIFY(m_usage.contains("bench") && m_usage["bench"].contains("--peak"));
        QVERIFY(m_usage.size() >= 9);
    }

    void completionOffersEveryCommandAndOption()
    {
        const QString completion = readFile(QStringLiteral(DUALX_SOURCE_DIR "/packaging/linux/dualx.bash-completion"));
        QVERIFY(!completion.isEmpty());
        const auto commands = QRegularExpression(QStringLiteral("local commands=\"([^\"]*)\"")).match(completion);
        QVERIFY(commands.hasMatch());
        const auto offered = commands.captured(1).split(' ', Qt::SkipEmptyParts);
        for (auto it = m_usage.cbegin(); it != m_usage.cend(); ++it) {
            QVERIFY2(offered.contains(it.key()), qPrintable("completion lacks the command " + it.key()));
            const auto line
                = QRegularExpression("\\n\\s*" + QRegularExpression::escape(it.key()) + "\\) options=\"([^\"]*)\"").match(completion);
            QVERIFY2(line.hasMatch(), qPrintable("completion has no option list for " + it.key()));
            const auto completed = line.captured(1).split(' ', Qt::SkipEmptyParts);
            for (const auto& o : it.value()) QVERIFY2(completed.contains(o), qPrintable("completion of '" + it.key() + "' lacks " + o));
        }
    }

    void manPageNamesEveryCommandAndOption()
    {
        // groff escapes '-' as '\-'; unescaped, the page reads as the terminal shows it.
        QString page = readFile(QStringLiteral(DUALX_SOURCE_DIR "/packaging/linux/dualx.1"));
        QVERIFY(!page.isEmpty());
        page.replace(QStringLiteral("\\-"), QStringLiteral("-"));
        page.remove(QRegularExpression(QStringLiteral("\\\\f[BIRP]")));
        for (auto it = m_usage.cbegin(); it != m_usage.cend(); ++it) {
            QVERIFY2(page.contains(QRegularExpression("\\b" + QRegularExpression::escape(it.key()) + "\\b")),
                     qPrintable("man page lacks the command " + it.key()));
            for (const auto& o : it.value())
                QVERIFY2(page.contains(QRegularExpression(QRegularExpression::escape(o) + "(?![a-z0-9-])")),
                         qPrintable("man page lacks " + o + " (of " + it.key() + ")"));
        }
    }
};

QTEST_GUILESS_MAIN(TestPackagingCliDocs)
#include "test_packaging_cli_docs.moc"
