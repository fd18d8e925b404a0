// dualx-studio: the desktop application. Thin: settings, language, queue database, main window.
#include "ui/app_settings.h"
#include "ui/job_queue_model.h"
#include "ui/main_window.h"
#include "ui/queue_runner.h"
#include "ui/translations.h"

#include "dualx/errors.h"
#include "dualx/runtime.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QLockFile>
#include <QMessageBox>
#include <QStandardPaths>
#include <QTableView>
#include <QTimer>

#include <csignal>

int main(int argc, char** argv)
{
    dualx::configureMemoryAllocator(); // before any thread exists
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("DualX"));
    QApplication::setApplicationName(QStringLiteral("DualX Studio"));
    QApplication::setApplicationVersion(QStringLiteral(DUALX_VERSION));
    dualx::quietenMediaLibraries();
    // Past a file-size limit, writes should fail (the job reports it and keeps its segments)
    // rather than kill the app, as in the CLI.
    std::signal(SIGXFSZ, SIG_IGN);

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Restore and upscale videos x4 with DualX-VSR"));
    parser.addHelpOption();
    parser.addVersionOption();
    QCommandLineOption database(QStringLiteral("database"), QStringLiteral("Queue database (default: in the app data folder)."),
                                QStringLiteral("FILE"));
    QCommandLineOption screenshot(QStringLiteral("screenshot"), QStringLiteral("Save a screenshot of the window to FILE and quit."),
                                  QStringLiteral("FILE"));
    QCommandLineOption start(QStringLiteral("start"), QStringLiteral("Start the queue at once."));
    QCommandLineOption language(QStringLiteral("language"), QStringLiteral("Interface language (de, zh_CN, en)."), QStringLiteral("CODE"));
    parser.addOptions({database, screenshot, start, language});
    parser.addPositionalArgument(QStringLiteral("videos"), QStringLiteral("Videos or folders to add to the queue."));
    parser.process(app);

    auto settings = dualx::ui::AppSettings::load();
    dualx::ui::installLanguage(parser.isSet(language) ? parser.value(language) : settings.language);
    QString dbPath = parser.value(database);
    if (dbPath.isEmpty()) {
        const QString folder = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
        QDir().mkpath(folder);
        dbPath = QDir(folder).filePath(QStringLiteral("queue.sqlite"));
    }
    // A run with --screenshot has nobody to close a dialog: its errors go to standard error.
    auto reportStartupError = [&](const QString& text) {
        if (parser.isSet(screenshot))
            qCritical("dualx-studio: error: %s", qPrintable(text));
        else
            QMessageBox::critical(nullptr, QStringLiteral("DualX Studio"), text);
    };
    // One app per queue: a second one would run the same jobs into the same files.
    QLockFile lock(dbPath + QStringLiteral(".lock"));
    if (!lock.tryLock(200)) {
        reportStartupError(QApplication::translate("main", "DualX Studio is already running with the queue %1.").arg(dbPath));
        return 1;
    }
    std::unique_ptr<dualx::ui::MainWindow> window;
    try {
        window = std::make_unique<dualx::ui::MainWindow>(dbPath);
    } catch (const dualx::Error& e) {
        reportStartupError(QString::fromStdString(e.what()));
        return 2;
    }
    QObject::connect(window.get(), &dualx::ui::MainWindow::languageRequested,
                     [](const QString& code) { dualx::ui::installLanguage(code); });
    if (!parser.positionalArguments().isEmpty()) window->addPaths(parser.positionalArguments());
    window->show();
    if (parser.isSet(start)) window->runner()->start();
    if (parser.isSet(screenshot)) {
        // With --start the picture is taken once the queue has finished, showing a result.
        const QString file = parser.value(screenshot);
        auto take = [&, file] {
            window->queueModel()->waitForProbes(30'000);
            if (window->queueModel()->rowCount() > 0) window->table()->selectRow(0);
            QTimer::singleShot(2000, [&, file] { QApplication::exit(window->grab().save(file) ? 0 : 2); });
        };
        if (parser.isSet(start) && window->runner()->isActive())
            QObject::connect(window->runner(), &dualx::ui::QueueRunner::queueFinished, take);
        else
            QTimer::singleShot(0, take);
    }
    return app.exec();
}
