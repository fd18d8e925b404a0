#include "translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace dualx::ui {

std::vector<std::pair<QString, QString>> availableLanguages()
{
    return {{QStringLiteral("de"), QStringLiteral("Deutsch")}, {QStringLiteral("zh_CN"), QStringLiteral("简体中文")}};
}

bool installLanguage(const QString& code)
{
    // English plural forms ("1 job", "3 jobs") under every language: the sources say "job(s)",
    // and a language's own translator, installed after this one, is asked first.
    static QTranslator* english = nullptr;
    if (!english) {
        english = new QTranslator;
        if (english->load(QStringLiteral(":/i18n/dualx_en.qm"))) QCoreApplication::installTranslator(english);
    }
    // One translator for our strings and one for Qt's own (dialog buttons and the like).
    static QTranslator* ours = nullptr;
    static QTranslator* qt = nullptr;
    for (QTranslator** t : {&ours, &qt})
        if (*t) {
            QCoreApplication::removeTranslator(*t);
            delete *t;
            *t = nullptr;
        }
    if (code.isEmpty() || code == QLatin1String("en")) return true;
    ours = new QTranslator;
    if (!ours->load(QStringLiteral(":/i18n/dualx_%1.qm").arg(code))) {
        delete ours;
        ours = nullptr;
        return false;
    }
    QCoreApplication::installTranslator(ours);
    qt = new QTranslator;
    if (qt->load(QLocale(code), QStringLiteral("qtbase"), QStringLiteral("_"), QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    return true;
}

} // namespace dualx::ui
