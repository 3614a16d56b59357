//! Every piece of interface text, in English, Traditional and Simplified Chinese, in one table.
//!
//! Components never hold literals: they call [`t`] with a [`Key`]. The paper's own text (titles,
//! quotes) stays in English, the language it was published in. Adding a key means adding a line to
//! the `texts!` table below; the compiler then insists on all three languages.

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum Locale {
    #[default]
    En,
    ZhHant,
    ZhHans,
}

impl Locale {
    pub const ALL: [Locale; 3] = [Locale::En, Locale::ZhHant, Locale::ZhHans];
    /// The value of the `lang` URL parameter.
    pub fn as_str(self) -> &'static str {
        match self {
            Locale::En => "en",
            Locale::ZhHant => "zh-hant",
            Locale::ZhHans => "zh-hans",
        }
    }
    /// The BCP 47 tag for the `lang` attribute.
    pub fn html_lang(self) -> &'static str {
        match self {
            Locale::En => "en",
            Locale::ZhHant => "zh-Hant-HK",
            Locale::ZhHans => "zh-Hans",
        }
    }
    /// The language's name in itself, for the switcher.
    pub fn native_name(self) -> &'static str {
        match self {
            Locale::En => "English",
            Locale::ZhHant => "繁體中文",
            Locale::ZhHans => "简体中文",
        }
    }
    pub fn parse(s: &str) -> Option<Locale> {
        let s = s.to_ascii_lowercase();
        Locale::ALL.into_iter().find(|l| l.as_str() == s)
    }
}

macro_rules! texts {
    (
        $($key:ident => [$en:expr, $hant:expr, $hans:expr]),* ,
        ;
        $($view_key:ident => [$view_en:expr, $view_hant:expr, $view_hans:expr]),* $(,)?
    ) => {
        /// A piece of interface text.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum Key { $($key,)* $($view_key),* }

        impl Key {
            pub const ALL: &'static [Key] = &[$(Key::$key,)* $(Key::$view_key),*];
            /// The texts only views loaded on demand show (the table's second part).
            pub const VIEWS: &'static [Key] = &[$(Key::$view_key),*];
        }

        /// The text of `key` in `locale`. Chinese comes from the Chinese edition's code
        /// (`zh_code`), which the wasm loads only for a Chinese reader; without it (never
        /// shown: the interface stays English until it is there), English.
        pub fn t(locale: Locale, key: Key) -> &'static str {
            match crate::zh_code::for_locale(locale) {
                Some(zh) => (zh.text)(locale, key),
                None => english(key),
            }
        }

        fn english(key: Key) -> &'static str {
            match key {
                $(Key::$key => $en,)*
                // In the wasm, from the views' code once one of them has run; natively, always.
                #[cfg(target_arch = "wasm32")]
                key => VIEW_TEXTS.with(|f| f.get()).map_or("", |f| f(key)),
                #[cfg(not(target_arch = "wasm32"))]
                key => view_english(key),
            }
        }

        /// The English of the views' texts. Only the views' code names this function
        /// (`install_view_texts`), so in the wasm it and its texts come with their chunks.
        fn view_english(key: Key) -> &'static str {
            match key {
                $(Key::$view_key => $view_en,)*
                _ => "",
            }
        }

        /// The Traditional or Simplified column (English for `Locale::En`): reached through
        /// `zh_code::ZhCode::text` only.
        pub(crate) fn chinese(locale: Locale, key: Key) -> &'static str {
            match (key, locale) {
                $((Key::$key, Locale::ZhHant) => $hant,
                (Key::$key, Locale::ZhHans) => $hans,)*
                $((Key::$view_key, Locale::ZhHant) => $view_hant,
                (Key::$view_key, Locale::ZhHans) => $view_hans,)*
                (key, Locale::En) => english(key),
            }
        }
    };
}

/// `view_english`'s type.
#[cfg(target_arch = "wasm32")]
type ViewTexts = fn(Key) -> &'static str;

#[cfg(target_arch = "wasm32")]
thread_local! {
    /// `view_english`, once a view loaded on demand has installed it.
    static VIEW_TEXTS: std::cell::Cell<Option<ViewTexts>> = const { std::cell::Cell::new(None) };
}

/// Makes the views' English texts available (`Key::VIEWS`): each view loaded on demand calls
/// this first (`ui::split`), so their texts are not in the first load (README "Size and
/// speed"). Main-module code never shows these keys (a test reads the sources to keep it so).
pub fn install_view_texts() {
    // Opaque to the optimizer: seeing the one function ever stored, LLVM would call it from
    // `english` directly, and it (with its texts) would stay in the first load.
    #[cfg(target_arch = "wasm32")]
    VIEW_TEXTS.with(|f| f.set(Some(std::hint::black_box(view_english as ViewTexts))));
}

texts! {
    AppName => ["I&T Policy Explorer", "創科政策探索", "创科政策探索"],
    SkipToContent => ["Skip to main content", "跳至主要內容", "跳至主要内容"],
    IssuedBy => ["Issued by", "發出機構", "发出机构"],
    MainNavigation => ["Views", "檢視", "视图"],
    Language => ["Language", "語言", "语言"],
    ViewExplore => ["Explore", "探索", "探索"],
    ViewTimeline => ["Timeline", "時間線", "时间线"],
    ViewMap => ["Map", "地圖", "地图"],
    ViewCharts => ["Charts", "圖表", "图表"],
    ViewSource => ["Source", "原文", "原文"],
    Loading => ["Loading the dataset…", "正在載入數據…", "正在加载数据…"],
    PartLoading => ["Loading…", "正在載入…", "正在加载…"],
    PartLoadFailed => [
        "This part of the app could not be loaded. Check the connection, then try again.",
        "未能載入應用程式的這個部分。請檢查網絡連線，然後重試。",
        "未能加载应用程序的这个部分。请检查网络连接，然后重试。"
    ],
    OfflineEdition => ["Offline edition", "離線版", "离线版"],
    OfflineEditionInTitle => ["offline edition", "離線版", "离线版"],
    AppVersion => ["app version", "應用程式版本", "应用程序版本"],
    DownloadOffline => ["Download for offline use", "下載供離線使用", "下载供离线使用"],
    LoadFailed => ["The dataset could not be loaded", "無法載入數據", "无法加载数据"],
    LoadFailedFile => ["File", "檔案", "文件"],
    LoadFailedWhat => ["Problem", "問題", "问题"],
    Retry => ["Try again", "重試", "重试"],
    HttpStatus => ["HTTP status", "HTTP 狀態", "HTTP 状态"],
    NetworkError => ["could not be fetched", "無法取得", "无法获取"],
    AsOf => ["Data as of", "資料截至", "数据截至"],
    DatasetVersion => ["dataset version", "數據版本", "数据版本"],
    Credit => [
        "Text: Innovation and Technology Bureau, paper on the 2021 Policy Address (October 2021). Map: Made with Natural Earth.",
        "文本：創新及科技局《2021年施政報告》文件（2021年10月，英文原文）。地圖：使用 Natural Earth 製作。",
        "文本：创新及科技局《2021年施政报告》文件（2021年10月，英文原文）。地图：使用 Natural Earth 制作。"
    ],
    EnglishOnlyData => [
        "The paper's text and the dataset are in English, as published.",
        "文件內容及數據以英文原文呈現。",
        "文件内容及数据以英文原文呈现。"
    ],
    NoticeTitle => ["Some link settings were ignored", "部分連結設定已略去", "部分链接设置已略去"],
    NoticeUnknownParameter => ["unknown setting", "無法識別的設定", "无法识别的设置"],
    NoticeInvalidValue => ["invalid value", "無效的值", "无效的值"],
    NoticeUnknownId => ["not in the dataset", "數據中沒有此項", "数据中没有此项"],
    Dismiss => ["Dismiss", "關閉", "关闭"],
    CountItems => ["items", "個項目", "个项目"],
    CountFigures => ["figures", "個數字", "个数字"],
    CountMilestones => ["milestones", "個里程碑", "个里程碑"],
    CountSites => ["sites", "個地點", "个地点"],
    CountOrganisations => ["organisations", "個機構", "个机构"],
    InDataset => ["In the dataset", "數據內容", "数据内容"],
    // -- explore, filters, list, details, source --
    KindNew => ["New initiative (2021 PA)", "新措施（2021年施政報告）", "新措施（2021年施政报告）"],
    KindProgress => ["Progress item (Annex)", "進展項目（附件）", "进展项目（附件）"],
    StatusProposed => ["Proposed", "建議中", "建议中"],
    StatusPlanned => ["Planned", "籌劃中", "筹划中"],
    StatusUnderWay => ["Under way", "進行中", "进行中"],
    StatusLaunched => ["Launched", "已推出", "已推出"],
    StatusCompleted => ["Completed", "已完成", "已完成"],
    Status => ["Status", "狀態", "状态"],
    StatusBecause => ["Status from the paper's words", "狀態依據文件原句", "状态依据文件原句"],
    PolicyArea => ["Policy area", "政策範疇", "政策范畴"],
    Kind => ["Kind", "類別", "类别"],
    Figures => ["Figures", "數字", "数字"],
    Milestones => ["Milestones", "里程碑", "里程碑"],
    Sites => ["Sites", "地點", "地点"],
    Organisations => ["Organisations", "機構", "机构"],
    SourceHeading => ["Source", "出處", "出处"],
    Paragraph => ["Paragraph", "段落", "段落"],
    ReadInSource => ["Read it in the paper", "在原文中閱讀", "在原文中阅读"],
    Close => ["Close", "關閉", "关闭"],
    Details => ["Details", "詳情", "详情"],
    Hectares => ["hectares", "公頃", "公顷"],
    PaperSays => ["The paper says", "文件原文", "文件原文"],
    Period => ["Period", "期間", "期间"],
    Search => ["Search", "搜尋", "搜索"],
    FiguresMatching => ["Figures matching the search", "符合搜尋的數字", "符合搜索的数字"],
    SearchHint => [
        "Words or numbers from the paper, e.g. Loop, 1 070, Cyberport",
        "中文或英文的名稱、標題、地點、機構或數字，例如 河套、數碼港、263億、Cyberport",
        "中文或英文的名称、标题、地点、机构或数字，例如 河套、数码港、263亿、Cyberport"
    ],
    Filters => ["Filters", "篩選", "筛选"],
    ClearAll => ["Clear all", "全部清除", "全部清除"],
    RemoveFilter => ["Remove filter", "移除篩選", "移除筛选"],
    SortBy => ["Sort by", "排序", "排序"],
    SortPaper => ["Order in the paper", "文件次序", "文件次序"],
    SortDate => ["Earliest date", "最早日期", "最早日期"],
    SortAmount => ["Largest amount (HK$)", "最大金額（港元）", "最大金额（港元）"],
    NoResults => ["No items match these filters.", "沒有項目符合這些篩選條件。", "没有项目符合这些筛选条件。"],
    NoResultsSearch => ["No items match the search {q}.", "沒有項目符合搜尋{q}。", "没有项目符合搜索{q}。"],
    NoResultsSearchFilters => [
        "No items match the search {q} with these filters.",
        "在這些篩選條件下，沒有項目符合搜尋{q}。",
        "在这些筛选条件下，没有项目符合搜索{q}。"
    ],
    ChineseSearchInEnglish => [
        "Chinese names are searched in the Chinese editions (繁體中文, 简体中文).",
        "中文名稱可在中文版搜尋。",
        "中文名称可在中文版搜索。"
    ],
    ClearFilters => ["Clear the search and filters", "清除搜尋及篩選", "清除搜索及筛选"],
    YearRange => ["Milestone years", "里程碑年份", "里程碑年份"],
    YearFrom => ["From", "由", "由"],
    YearTo => ["To", "至", "至"],
    AnyYear => ["Any", "不限", "不限"],
    Results => ["Results", "結果", "结果"],
    Annex => ["Annex", "附件", "附件"],
    UnofficialTranslation => [
        "Titles, summaries and descriptions are this site's unofficial translations; bodies and places go by their official Chinese names where they have one; the paper's quotes stay in English.",
        "標題、摘要及說明為本網站的非官方譯文，機構及地點採用其官方中文名稱（如有）；文件引文保留英文原文。",
        "标题、摘要及说明为本网站的非官方译文，机构及地点采用其官方中文名称（如有）；文件引文保留英文原文。"
    ],
    EnglishTitle => ["English title", "英文標題", "英文标题"],
    TranslationLoading => [
        "Loading the Chinese texts…",
        "正在載入中文內容，暫以英文顯示…",
        "正在加载中文内容，暂以英文显示…"
    ],
    TranslationFailed => [
        "The Chinese texts could not be loaded; names and titles show in English",
        "無法載入中文內容，名稱及標題暫以英文顯示",
        "无法加载中文内容，名称及标题暂以英文显示"
    ],
    ChineseCodeFailed => [
        "The Chinese edition could not be loaded, so the page shows in English. Check the connection, then try again.",
        "無法載入中文版，頁面暫以英文顯示。請檢查網絡連線，然後重試。",
        "无法加载中文版，页面暂以英文显示。请检查网络连接，然后重试。"
    ],
    TranslationIncomplete => [
        "Some texts are not translated yet and show in English",
        "部分內容尚未翻譯，以英文顯示",
        "部分内容尚未翻译，以英文显示"
    ],
    ViewShown => ["view", "檢視", "视图"],
    // -- take away: downloads, link, citation, print, dataset links --
    TakeAway => ["Take it away", "帶走資料", "带走数据"],
    DownloadSelection => ["Download the selection", "下載所選內容", "下载所选内容"],
    DownloadItemsCsv => ["Items (CSV)", "項目（CSV）", "项目（CSV）"],
    DownloadFiguresCsv => ["Figures (CSV)", "數字（CSV）", "数字（CSV）"],
    DownloadMilestonesCsv => ["Milestones (CSV)", "里程碑（CSV）", "里程碑（CSV）"],
    DownloadJson => ["All three (JSON)", "全部三類（JSON）", "全部三类（JSON）"],
    DownloadNote => [
        "Each row keeps its paragraph reference and quote. CSV files are UTF-8 and open in spreadsheets.",
        "每行均附段落出處及引文。CSV 檔案採用 UTF-8 編碼，可用試算表開啟。",
        "每行均附段落出处及引文。CSV 文件采用 UTF-8 编码，可用电子表格打开。"
    ],
    CopyLink => ["Copy link", "複製連結", "复制链接"],
    LinkToView => ["Link to this view", "此檢視的連結", "此视图的链接"],
    Copied => ["Copied", "已複製", "已复制"],
    DownloadFailed => [
        "The download could not be prepared: check the connection, then try again.",
        "未能準備下載：請檢查網絡連線，然後重試。",
        "未能准备下载：请检查网络连接，然后重试。"
    ],
    CopyFailed => [
        "Copying is not available here: the text is selected, copy it with Ctrl+C (⌘C on a Mac).",
        "此處無法自動複製：文字已選取，請按 Ctrl+C（Mac 按 ⌘C）複製。",
        "此处无法自动复制：文字已选取，请按 Ctrl+C（Mac 按 ⌘C）复制。"
    ],
    Cite => ["Cite", "引用", "引用"],
    Citation => ["Citation", "引用格式", "引用格式"],
    CopyCitation => ["Copy citation", "複製引用", "复制引用"],
    EmbedView => ["Embed this view", "嵌入此檢視", "嵌入此视图"],
    EmbedIntro => [
        "Paste one into your web page to show this view with these filters: the iframe keeps the app apart from your page (embed.js sets its height); the script puts it in your page.",
        "將其中一段貼到你的網頁，即可顯示此檢視及這些篩選：iframe 讓應用程式與網頁分開（由 embed.js 設定高度）；script 則把它放進網頁。",
        "将其中一段贴到你的网页，即可显示此视图及这些筛选：iframe 让应用程序与网页分开（由 embed.js 设置高度）；script 则把它放进网页。"
    ],
    EmbedFrameCode => ["Iframe code", "iframe 代碼", "iframe 代码"],
    EmbedScriptCode => ["Script code", "script 代碼", "script 代码"],
    CopyFrameCode => ["Copy iframe code", "複製 iframe 代碼", "复制 iframe 代码"],
    CopyScriptCode => ["Copy script code", "複製 script 代碼", "复制 script 代码"],
    OpenFullApp => ["Open the full app", "開啟完整應用程式", "打开完整应用程序"],
    OpensInNewTab => ["opens in a new tab", "在新分頁開啟", "在新标签页打开"],
    Print => ["Print", "列印", "打印"],
    PrintedView => ["View", "檢視", "视图"],
    PrintedFilters => ["Search and filters", "搜尋及篩選", "搜索及筛选"],
    PrintedNoFilters => ["None: every item", "沒有：所有項目", "没有：所有项目"],
    PrintedUrl => ["Address", "網址", "网址"],
    PrintedSelection => ["The selection", "所選項目", "所选项目"],
    DatasetLinks => ["The data", "數據", "数据"],
    DatasetJson => ["Dataset (JSON)", "數據集（JSON）", "数据集（JSON）"],
    DatasetSchema => ["Its JSON Schema", "其 JSON Schema", "其 JSON Schema"],
    DataPackage => [
        "Data package (Frictionless: datapackage.json and five CSV tables)",
        "數據包（Frictionless 格式：datapackage.json 及五個 CSV 表）",
        "数据包（Frictionless 格式：datapackage.json 及五个 CSV 表）"
    ],
    // Robustness: failed loads, records left out, notices, a stopped app.
    HttpNotFound => ["The file was not found", "找不到檔案", "找不到文件"],
    HttpDenied => ["The server refused access to the file", "伺服器拒絕存取檔案", "服务器拒绝访问文件"],
    HttpServerError => [
        "The server failed while sending the file; this is often a passing fault",
        "伺服器傳送檔案時出錯，通常是暫時故障",
        "服务器发送文件时出错，通常是暂时故障"
    ],
    HttpOther => ["The server did not send the file", "伺服器沒有傳送檔案", "服务器没有发送文件"],
    RuleUnsafeId => [
        "ids use letters, digits, '-', '_' and '.' only (at most 64)",
        "編號只可使用字母、數字、「-」、「_」及「.」（最多 64 個）",
        "编号只可使用字母、数字、“-”、“_”及“.”（最多 64 个）"
    ],
    RuleDuplicateId => [
        "its id is used by another record of the same kind",
        "其編號與另一同類記錄相同",
        "其编号与另一同类记录相同"
    ],
    RuleDangling => [
        "it refers to a record that does not exist",
        "它引用了不存在的記錄",
        "它引用了不存在的记录"
    ],
    RuleTooMany => [
        "there are more records of this kind than the app can show (20 000)",
        "此類記錄多於程式可顯示的數目（20 000）",
        "此类记录多于程序可显示的数目（20 000）"
    ],
    RuleAsOf => [
        "document.as_of must be a date between 1990 and 2100",
        "document.as_of 必須是 1990 至 2100 年之間的日期",
        "document.as_of 必须是 1990 至 2100 年之间的日期"
    ],
    RuleValue => [
        "its value is not a number in the range of its unit",
        "數值不在其單位的合理範圍內",
        "数值不在其单位的合理范围内"
    ],
    RuleDate => [
        "its date is not a day between 1990 and 2100, or ends before it starts",
        "日期不在 1990 至 2100 年之間，或結束早於開始",
        "日期不在 1990 至 2100 年之间，或结束早于开始"
    ],
    RulePosition => [
        "its position is outside Hong Kong and Shenzhen",
        "位置在香港及深圳範圍以外",
        "位置在香港及深圳范围以外"
    ],
    RecordParagraph => ["paragraph", "段落", "段落"],
    RecordArea => ["policy area", "政策範疇", "政策范畴"],
    RecordItem => ["item", "項目", "项目"],
    RecordFigure => ["figure", "數字", "数字"],
    RecordMilestone => ["milestone", "里程碑", "里程碑"],
    RecordSeries => ["series", "數列", "数列"],
    RecordSite => ["site", "地點", "地点"],
    RecordOrganisation => ["organisation", "機構", "机构"],
    RecordDocument => ["document", "文件資料", "文件信息"],
    DataDroppedTitle => [
        "Some records of the dataset break its rules and are not shown",
        "數據中部分記錄不符規則，沒有顯示",
        "数据中部分记录不符合规则，未予显示"
    ],
    NoticeRepeated => [
        "given more than once; the last value is used",
        "重複出現，已採用最後一個值",
        "重复出现，已采用最后一个值"
    ],
    NoticeShortened => [
        "longer than 200 characters; shortened",
        "超過 200 個字元，已截短",
        "超过 200 个字符，已截短"
    ],
    ;
    // Texts only the views loaded on demand show (Timeline, Map, Charts, Source): their English
    // comes in those views' code (`install_view_texts`), not in the first load.
    FilterBySite => ["Filter by this site", "按此地點篩選", "按此地点筛选"],
    PositionApproximate => ["approximate position", "大約位置", "大约位置"],
    PositionSurveyed => ["position from a cited source", "位置有出處", "位置有出处"],
    None_ => ["None stated", "文件未有說明", "文件未说明"],
    CitedBy => ["Cited by", "引用此段的項目", "引用此段的项目"],
    LinkToParagraph => ["Link to this paragraph", "此段落的連結", "此段落的链接"],
    ParagraphsHeading => ["The paper", "文件原文", "文件原文"],
    SourceInEnglish => [
        "The paper's text is in English, as published.",
        "文件原文為英文，按發布的原文呈現。",
        "文件原文为英文，按发布的原文呈现。"
    ],
    // -- timeline --
    TlSummary => [
        "Showing {n} dated milestones of the {m} items selected by the filters and search.",
        "顯示篩選及搜尋所選{m}個項目中的{n}個有日期的里程碑。",
        "显示筛选及搜索所选{m}个项目中的{n}个有日期的里程碑。"
    ],
    TlUndated => [
        "{k} milestones without a usable date are left out.",
        "另有{k}個里程碑沒有可用的日期，未有顯示。",
        "另有{k}个里程碑没有可用的日期，未显示。"
    ],
    TlEmpty => [
        "None of the selected items has a dated milestone.",
        "所選項目均沒有附日期的里程碑。",
        "所选项目均没有附日期的里程碑。"
    ],
    TlPresentation => ["Show as", "顯示方式", "显示方式"],
    TlModeAxis => ["Time axis", "時間軸", "时间轴"],
    TlModeList => ["List by year", "按年列表", "按年列表"],
    TlZoom => ["Zoom and move", "縮放及移動", "缩放及移动"],
    TlZoomIn => ["Zoom in", "放大", "放大"],
    TlZoomOut => ["Zoom out", "縮小", "缩小"],
    TlEarlier => ["Earlier", "較早", "较早"],
    TlLater => ["Later", "較後", "较后"],
    TlWhole => ["Whole period", "整段時期", "整段时期"],
    TlShown => ["Period shown", "顯示時段", "显示时段"],
    TlHelp => [
        "Keys: Tab to the milestones, ← → move in time order, + and − zoom, Home and End go to the first and last, Enter opens the details. Drag or swipe sideways to move; Ctrl + wheel or pinch to zoom.",
        "鍵盤：按 Tab 到里程碑，← → 按時間次序移動，+ 及 − 縮放，Home 及 End 到第一個及最後一個，Enter 開啟詳情。左右拖動或掃動以移動；Ctrl + 滾輪或雙指縮放。",
        "键盘：按 Tab 到里程碑，← → 按时间次序移动，+ 及 − 缩放，Home 及 End 到第一个及最后一个，Enter 打开详情。左右拖动或滑动以移动；Ctrl + 滚轮或双指缩放。"
    ],
    TlChart => [
        "Milestones on a time axis, one lane per policy area",
        "時間軸上的里程碑，每個政策範疇一行",
        "时间轴上的里程碑，每个政策范畴一行"
    ],
    TlLegend => ["Key", "圖例", "图例"],
    TlLegendPoint => [
        "A day or a month: a dot.",
        "某日或某月：圓點。",
        "某日或某月：圆点。"
    ],
    TlLegendSpan => [
        "A vaguer or longer date (“mid-2022”, “2023”, a school or financial year, “from … to …”): a pale, outlined bar as long as the period it means.",
        "較概括或較長的日期（如「2022年年中」、「2023年」、學年或財政年度、「由…至…」）：長度等於所指時段的淺色框線長條。",
        "较概括或较长的日期（如“2022年年中”、“2023年”、学年或财政年度、“由…至…”）：长度等于所指时段的浅色框线长条。"
    ],
    TlLegendAsOf => [
        "Dashed line: the date the paper's facts are as of.",
        "虛線：文件資料所截至的日期。",
        "虚线：文件数据所截至的日期。"
    ],
    TlLegendLabels => [
        "Where marks crowd, labels are shortened (…) or left out: hover over or focus a mark for its full text. Labels quote the dataset; dates are the paper's own words.",
        "標記密集時，標籤會縮短（…）或略去：將滑鼠移到標記上或聚焦標記可看全文。標籤取自數據，日期為文件原文用語。",
        "标记密集时，标签会缩短（…）或略去：将鼠标移到标记上或聚焦标记可看全文。标签取自数据，日期为文件原文用语。"
    ],
    TlList => [
        "The same milestones as a list, by year",
        "以列表按年列出相同的里程碑",
        "以列表按年列出相同的里程碑"
    ],
    TlSpanNote => ["period", "時段", "时段"],
    // -- map --
    MapIntro => [
        "Every site the paper names. A marker's size shows the area the paper states; its colours and patterns, the statuses of the site's items. Choose a site for its facts and the items that concern it.",
        "文件提及的每個地點。標記大小表示文件所述的面積，顏色及圖案表示該地點項目的狀態。選擇地點可查看其資料及相關項目。",
        "文件提及的每个地点。标记大小表示文件所述的面积，颜色及图案表示该地点项目的状态。选择地点可查看其信息及相关项目。"
    ],
    MapAllShown => [
        "All {m} sites are shown.",
        "顯示全部{m}個地點。",
        "显示全部{m}个地点。"
    ],
    MapSomeShown => [
        "{n} of {m} sites concern the items selected by the search and filters; the others are hidden.",
        "{m}個地點中，有{n}個與搜尋及篩選所選的項目相關；其餘已隱藏。",
        "{m}个地点中，有{n}个与搜索及筛选所选的项目相关；其余已隐藏。"
    ],
    MapLabel => [
        "Map of Hong Kong and Shenzhen with the paper's sites",
        "香港及深圳地圖，標示文件提及的地點",
        "香港及深圳地图，标示文件提及的地点"
    ],
    MapHelp => [
        "Drag, pinch or use the arrow keys to move the map; the mouse wheel, the buttons or + and − to zoom; 0 shows all. Sites too close to tell apart are spread out, with a line to their true position.",
        "拖動、雙指縮放或用方向鍵移動地圖；用滑鼠滾輪、按鈕或 + 及 − 鍵縮放；0 鍵顯示全圖。距離太近的地點會分散顯示，並以線連至實際位置。",
        "拖动、双指缩放或用方向键移动地图；用鼠标滚轮、按钮或 + 及 − 键缩放；0 键显示全图。距离太近的地点会分散显示，并以线连至实际位置。"
    ],
    MapZoomIn => ["Zoom in", "放大", "放大"],
    MapZoomOut => ["Zoom out", "縮小", "缩小"],
    MapReset => ["Show all", "顯示全圖", "显示全图"],
    MapLegend => ["Key", "圖例", "图例"],
    MapLegendStatus => [
        "Colour: status of the site's items; a marker in slices has items at several stages.",
        "顏色：該地點項目的狀態；分成數塊的標記表示項目處於不同階段。",
        "颜色：该地点项目的状态；分成数块的标记表示项目处于不同阶段。"
    ],
    MapLegendSize => [
        "Size: the area the paper states (marker area grows with hectares); the smallest dots state none.",
        "大小：文件所述的面積（標記面積隨公頃數增加）；最小的圓點表示文件未有說明面積。",
        "大小：文件所述的面积（标记面积随公顷数增加）；最小的圆点表示文件未说明面积。"
    ],
    MapLegendApprox => [
        "Dashed outline: approximate position (may be 0.3–0.7 km out).",
        "虛線外框：大約位置（誤差可達 0.3–0.7 公里）。",
        "虚线外框：大约位置（误差可达 0.3–0.7 公里）。"
    ],
    MapLegendLeader => [
        "Line to a small dot: the true position of a marker spread out from a crowd.",
        "連至小圓點的線：從密集處分散出來的標記的實際位置。",
        "连至小圆点的线：从密集处分散出来的标记的实际位置。"
    ],
    MapLegendExtent => [
        "Dashed circle: a stated area of 50 ha or more drawn to scale (not the site's boundary).",
        "虛線圓圈：按比例繪畫的 50 公頃或以上的所述面積（並非地點邊界）。",
        "虚线圆圈：按比例绘制的 50 公顷或以上的所述面积（并非地点边界）。"
    ],
    MapLegendCrossBorder => [
        "Grey land and faded markers: Shenzhen, across the boundary (context).",
        "灰色陸地及淡色標記：邊界另一邊的深圳（背景資料）。",
        "灰色陆地及淡色标记：边界另一边的深圳（背景信息）。"
    ],
    MapCredit => [
        "Base map: Made with Natural Earth (public domain), simplified; some reclaimed land is missing, so coastal sites may appear offshore.",
        "底圖：使用 Natural Earth 製作（公有領域），經簡化；部分填海土地未有顯示，沿岸地點或會顯示在海上。",
        "底图：使用 Natural Earth 制作（公有领域），经简化；部分填海土地未显示，沿岸地点可能会显示在海上。"
    ],
    MapChooseSite => [
        "Choose a site on the map or in the list to see its facts and the items that concern it.",
        "在地圖或列表中選擇地點，查看其資料及相關項目。",
        "在地图或列表中选择地点，查看其信息及相关项目。"
    ],
    MapSiteList => ["Sites on the map", "地圖上的地點", "地图上的地点"],
    MapColSite => ["Site", "地點", "地点"],
    MapColDistrict => ["District", "地區", "地区"],
    MapColArea => ["Area (ha)", "面積（公頃）", "面积（公顷）"],
    MapColItems => ["Items", "項目", "项目"],
    MapColPosition => ["Position", "位置", "位置"],
    MapApproxShort => ["approximate", "大約", "大约"],
    MapSurveyedShort => ["cited source", "有出處", "有出处"],
    MapCrossBorder => ["across the boundary", "邊界另一邊", "边界另一边"],
    MapItemsHere => ["Items at this site", "此地點的項目", "此地点的项目"],
    MapTimeline => ["Timeline", "時間線", "时间线"],
    MapFiguresHere => ["Figures stated for this site", "文件就此地點列出的數字", "文件就此地点列出的数字"],
    MapStatuses => ["Status of its items", "項目狀態", "项目状态"],
    MapNotSelected => ["outside the current filters", "不在目前篩選範圍內", "不在目前筛选范围内"],
    MapStopSiteFilter => ["Stop filtering by this site", "取消按此地點篩選", "取消按此地点筛选"],
    // -- charts --
    ChartsIntro => [
        "The paper's figures as charts. They follow the search and filters; the statistics of paragraph 3 describe Hong Kong as a whole and always show.",
        "以圖表呈現文件中的數字。圖表跟隨搜尋及篩選；第3段的統計數字描述香港整體情況，一律顯示。",
        "以图表呈现文件中的数字。图表跟随搜索及筛选；第3段的统计数字描述香港整体情况，一律显示。"
    ],
    ChartsFiltered => [
        "Filters are on: the charts show only the figures of the selected items.",
        "已啟用篩選：圖表只顯示所選項目的數字。",
        "已启用筛选：图表只显示所选项目的数字。"
    ],
    ChartsShowAll => ["Show all items", "顯示所有項目", "显示所有项目"],
    ChartTrendsTitle => [
        "Growth in I&T statistics: the two years the paper gives for each",
        "創科統計數字的增長：文件為每項提供的兩個年份",
        "创科统计数字的增长：文件为每项提供的两个年份"
    ],
    ChartTrendsDesc => [
        "Four small charts, one per statistic, each on its own scale starting at zero. A dot marks each figure the paper gives. The paper gives only two years for each statistic, so the dashed line joining them shows no data.",
        "四幅小圖，每項統計數字一幅，各自以零為起點。圓點標示文件提供的每個數字。文件每項只提供兩個年份，連接兩點的虛線並非數據。",
        "四幅小图，每项统计数字一幅，各自以零为起点。圆点标示文件提供的每个数字。文件每项只提供两个年份，连接两点的虚线并非数据。"
    ],
    ChartMoneyTitleCommitted => [
        "Money injected or allocated (HK$), by policy area and scheme of the Annex",
        "注資或撥款（港元），按附件的政策範疇及計劃",
        "注资或拨款（港元），按附件的政策范畴及计划"
    ],
    ChartMoneyTitleDisbursed => [
        "Money approved or invested (HK$), by policy area and scheme of the Annex",
        "已批出或投資的款項（港元），按附件的政策範疇及計劃",
        "已批出或投资的款项（港元），按附件的政策范畴及计划"
    ],
    ChartMoneyDesc => [
        "Horizontal bars on one linear scale, policy areas with the largest amount first, largest amount first within each. The paper mixes money put into funds with money approved or invested from them: the switch shows one kind at a time, and each bar names its kind. Amounts in an area are not added up, because some overlap. Private investment attracted and per-applicant ceilings are not shown.",
        "橫條圖，同一線性比例，金額最大的政策範疇排在最前，範疇內亦由大至小排列。文件把注入基金的款項與從基金批出或投資的款項混合列出：切換按鈕每次只顯示一類，每條橫條均註明類別。由於部分款項重疊，同一範疇的金額不作加總。吸引的私人投資及每名申請者的資助上限不在此顯示。",
        "横条图，同一线性比例，金额最大的政策范畴排在最前，范畴内亦由大至小排列。文件把注入基金的款项与从基金批出或投资的款项混合列出：切换按钮每次只显示一类，每条横条均注明类别。由于部分款项重叠，同一范畴的金额不作加总。吸引的私人投资及每名申请者的资助上限不在此显示。"
    ],
    ChartMoneyKind => ["Kind of amount", "款項類別", "款项类别"],
    ChartMoneyCommitted => ["Injected or allocated", "注資或撥款", "注资或拨款"],
    ChartMoneyDisbursed => ["Approved or invested", "已批出或投資", "已批出或投资"],
    ChartMoneyCommittedShort => ["injected/allocated", "注資／撥款", "注资／拨款"],
    ChartMoneyDisbursedShort => ["approved/invested", "批出／投資", "批出／投资"],
    ChartLandTitle => [
        "Land for I&T: hectares by site",
        "創科用地：各地點面積（公頃）",
        "创科用地：各地点面积（公顷）"
    ],
    ChartLandDesc => [
        "Horizontal bars of the site areas the paper states, largest first, on a linear scale in hectares.",
        "文件列明的各地點面積，以橫條由大至小排列，線性比例，單位為公頃。",
        "文件列明的各地点面积，以横条由大至小排列，线性比例，单位为公顷。"
    ],
    ChartPeopleTitle => [
        "People and uptake: counts of users, downloads, trainees and talents",
        "人數及使用量：用戶、下載、受訓人士及人才數目",
        "人数及使用量：用户、下载、受训人士及人才数目"
    ],
    ChartPeopleDesc => [
        "Dots on a logarithmic scale, largest first: each gridline is ten times the one before, so counts from tens to tens of millions stay readable on one chart. Compare the numbers, not the distances: equal steps mean equal ratios.",
        "對數比例上的圓點，由大至小排列：每條格線是前一條的十倍，因此由數十至數千萬的數字都能在同一圖中清楚閱讀。請比較數字而非距離：相同間距代表相同倍數。",
        "对数比例上的圆点，由大至小排列：每条格线是前一条的十倍，因此由数十至数千万的数字都能在同一图中清楚阅读。请比较数字而非距离：相同间距代表相同倍数。"
    ],
    ChartAxisLog => [
        "Number, log scale: each gridline is 10 × the one before",
        "數目，對數比例：每條格線是前一條的 10 倍",
        "数目，对数比例：每条格线是前一条的 10 倍"
    ],
    ChartAxisHkdBillion => ["HK$ billion", "億港元", "亿港元"],
    ChartAxisHkdMillion => ["HK$ million", "萬港元", "万港元"],
    ChartAxisHkd => ["HK$", "港元", "港元"],
    ChartAxisHectares => ["Hectares", "公頃", "公顷"],
    ChartAxisPeople => ["People", "人數", "人数"],
    ChartAxisNumber => ["Number", "數目", "数目"],
    ChartAxisPeopleLarge => ["People (ten thousands)", "人數（萬）", "人数（万）"],
    ChartAxisNumberLarge => ["Number (ten thousands)", "數目（萬）", "数目（万）"],
    ChartDotLegend => ["Dot: a figure the paper gives", "圓點：文件提供的數字", "圆点：文件提供的数字"],
    ChartDashedLegend => [
        "Dashed line: joins the two known figures; the paper gives no values in between",
        "虛線：連接兩個已知數字；文件沒有提供兩者之間的數值",
        "虚线：连接两个已知数字；文件没有提供两者之间的数值"
    ],
    ChartNote => ["The paper's note on this growth", "文件對此增長的說明", "文件对此增长的说明"],
    ChartEmpty => [
        "No figures of this kind for the current search and filters.",
        "目前的搜尋及篩選沒有這類數字。",
        "目前的搜索及筛选没有这类数字。"
    ],
    ChartSource => ["Source", "出處", "出处"],
    ChartExportSource => [
        "Source: Innovation and Technology Bureau, paper on the 2021 Policy Address (October 2021)",
        "出處：創新及科技局《2021年施政報告》文件（2021年10月）",
        "出处：创新及科技局《2021年施政报告》文件（2021年10月）"
    ],
    ChartShowTable => ["Show data table", "顯示數據表", "显示数据表"],
    ChartHideTable => ["Hide data table", "隱藏數據表", "隐藏数据表"],
    ChartDownloadSvg => ["Download SVG", "下載 SVG", "下载 SVG"],
    ChartDownloadPng => ["Download PNG", "下載 PNG", "下载 PNG"],
    ChartDownloadCsv => ["Download data (CSV)", "下載數據（CSV）", "下载数据（CSV）"],
    ChartColGroup => ["Group", "組別", "组别"],
    ChartColWhat => ["What it measures", "量度內容", "量度内容"],
    ChartColValue => ["Value", "數值", "数值"],
    ChartColPaper => ["The paper says", "文件原文", "文件原文"],
    ChartColSource => ["Source", "出處", "出处"],
}

/// The panic screen's message and button (`ui::guard`), in every language whether the Chinese
/// edition's code has loaded or not: the screen speaks all three, and after a panic no chunk can
/// load. So these two texts are here rather than in the table.
pub fn crash_screen(locale: Locale) -> (&'static str, &'static str) {
    match locale {
        Locale::En => (
            "Something went wrong and the app stopped. Reload the page to start again; the link keeps your view.",
            "Reload",
        ),
        Locale::ZhHant => (
            "發生錯誤，程式已停止。請重新載入頁面；連結會保留你的檢視。",
            "重新載入",
        ),
        Locale::ZhHans => (
            "发生错误，程序已停止。请重新加载页面；链接会保留你的视图。",
            "重新加载",
        ),
    }
}

use crate::dates::MONTH_NAMES;
use crate::model::{Document, ItemKind, Paragraph, ParagraphKind, Status};
/// "Label: value": the colon and its spacing per language ("發出機構：創新及科技局").
pub fn labelled(locale: Locale, label: &str, value: &str) -> String {
    format!("{label}{}{value}", colon(locale))
}

/// The label-value separator: ": " in English, a full-width "：" in Chinese.
pub fn colon(locale: Locale) -> &'static str {
    match locale {
        Locale::En => ": ",
        _ => "：",
    }
}

/// A remark in brackets after a text: " (20)" in English, "（20）" in Chinese.
pub fn bracketed(locale: Locale, inner: &str) -> String {
    match locale {
        Locale::En => format!(" ({inner})"),
        _ => format!("（{inner}）"),
    }
}

/// The opening and closing quotation marks: “…” in English and Simplified Chinese (Mainland
/// usage), 「…」 in Traditional Chinese (Hong Kong usage).
pub fn quote_marks(locale: Locale) -> (&'static str, &'static str) {
    match locale {
        Locale::ZhHant => ("「", "」"),
        _ => ("“", "”"),
    }
}

/// A quoted text in the language's quotation marks.
pub fn quoted(locale: Locale, inner: &str) -> String {
    let (open, close) = quote_marks(locale);
    format!("{open}{inner}{close}")
}

/// The space between a number and the word it counts: "94 items", "94個項目".
pub fn number_gap(locale: Locale) -> &'static str {
    match locale {
        Locale::En => " ",
        _ => "",
    }
}

/// The separator of a run-in list: ", " in English, "、" in Chinese.
pub fn list_separator(locale: Locale) -> &'static str {
    match locale {
        Locale::En => ", ",
        _ => "、",
    }
}

/// A sentence separator inside a line: ", " in English, "，" in Chinese.
pub fn comma(locale: Locale) -> &'static str {
    match locale {
        Locale::En => ", ",
        _ => "，",
    }
}

/// A paragraph's number as readers of the language say it: "Paragraph 8" / "第8段",
/// "Footnote 1" / "註1", "Annex (1), row 2" / "附件（1）第2項". `label` is the dataset's label.
pub fn paragraph_label(locale: Locale, label: &str) -> String {
    match crate::zh_code::for_locale(locale) {
        Some(zh) => (zh.paragraph_label)(locale, label),
        None if label.bytes().all(|b| b.is_ascii_digit()) => {
            format!("{} {label}", t(Locale::En, Key::Paragraph))
        }
        None => label.to_string(),
    }
}

/// [`paragraph_label`] in Chinese (through `zh_code` only, as every `zh_` function here).
pub(crate) fn zh_paragraph_label(locale: Locale, label: &str) -> String {
    let hans = locale == Locale::ZhHans;
    if label.bytes().all(|b| b.is_ascii_digit()) && !label.is_empty() {
        return format!("第{label}段");
    }
    if let Some(n) = label.strip_prefix("Footnote ") {
        return format!("{}{n}", if hans { "注" } else { "註" });
    }
    if let Some(rest) = label.strip_prefix("Annex (") {
        if let Some((area, row)) = rest.split_once("), row ") {
            return format!("附件（{area}）第{row}{}", if hans { "项" } else { "項" });
        }
    }
    label.to_string()
}

/// "18 of 94 items", in each language's word order.
pub fn results_count(locale: Locale, shown: usize, total: usize) -> String {
    match crate::zh_code::for_locale(locale) {
        Some(zh) => (zh.results_count)(locale, shown, total),
        None => format!("{shown} of {total} items"),
    }
}

pub(crate) fn zh_results_count(locale: Locale, shown: usize, total: usize) -> String {
    match locale {
        Locale::ZhHans => format!("{total}个项目中的{shown}个"),
        _ => format!("{total}個項目中的{shown}個"),
    }
}

/// "Show all 86 items".
pub fn show_all(locale: Locale, total: usize) -> String {
    match crate::zh_code::for_locale(locale) {
        Some(zh) => (zh.show_all)(locale, total),
        None => format!("Show all {total} items"),
    }
}

pub(crate) fn zh_show_all(locale: Locale, total: usize) -> String {
    match locale {
        Locale::ZhHans => format!("显示全部{total}个项目"),
        _ => format!("顯示全部{total}個項目"),
    }
}

/// "Launched 3, Planned 1": labelled counts as one phrase, with each language's list separator.
pub fn counted_list(locale: Locale, parts: &[(&str, usize)]) -> String {
    parts
        .iter()
        .map(|(label, n)| format!("{label} {n}"))
        .collect::<Vec<_>>()
        .join(list_separator(locale))
}

/// The document title for a view (and the open item's title, if any): most specific first,
/// so a browser tab or a screen reader's window list tells them apart (WCAG 2.4.2).
/// The offline edition says so in its title, as on its first paint.
pub fn page_title(locale: Locale, view: &str, item: Option<&str>, offline: bool) -> String {
    let sep = match locale {
        Locale::En => " · ",
        Locale::ZhHant | Locale::ZhHans => "｜",
    };
    let mut app = t(locale, Key::AppName).to_string();
    if offline {
        app.push_str(&bracketed(locale, t(locale, Key::OfflineEditionInTitle)));
    }
    match item {
        Some(item) => format!("{item}{sep}{view}{sep}{app}"),
        None => format!("{view}{sep}{app}"),
    }
}

/// What a screen reader hears after switching views: "Timeline view, 18 of 94 items" (WCAG 4.1.3).
pub fn view_announcement(locale: Locale, view: &str, shown: usize, total: usize) -> String {
    let count = results_count(locale, shown, total);
    match locale {
        Locale::En => format!("{view} {}, {count}", t(locale, Key::ViewShown)),
        Locale::ZhHant | Locale::ZhHans => format!("{view}{}：{count}", t(locale, Key::ViewShown)),
    }
}

/// A status's name in the interface.
pub fn status_key(s: Status) -> Key {
    match s {
        Status::Proposed => Key::StatusProposed,
        Status::Planned => Key::StatusPlanned,
        Status::UnderWay => Key::StatusUnderWay,
        Status::Launched => Key::StatusLaunched,
        Status::Completed => Key::StatusCompleted,
    }
}

/// An item kind's name in the interface.
pub fn kind_key(k: ItemKind) -> Key {
    match k {
        ItemKind::NewInitiative => Key::KindNew,
        ItemKind::ProgressItem => Key::KindProgress,
    }
}

/// A day ("2026-11-30") as people write it: "30 November 2026", "2026年11月30日". Anything
/// else is returned as it is.
pub fn long_date(locale: Locale, iso: &str) -> String {
    if locale != Locale::En {
        return crate::format::day_in(locale, iso);
    }
    let mut parts = iso.splitn(3, '-').map(|p| p.parse::<usize>().ok());
    let (Some(Some(y)), Some(Some(m @ 1..=12)), Some(Some(d))) =
        (parts.next(), parts.next(), parts.next())
    else {
        return iso.to_string();
    };
    format!("{d} {} {y}", MONTH_NAMES[m - 1])
}

/// Where a paragraph is in the paper, for citations: "para. 8", "footnote 1", "Annex (4), row
/// 2"; none for headings, which are not numbered.
pub fn paragraph_ref(locale: Locale, p: &Paragraph) -> Option<String> {
    match p.kind {
        ParagraphKind::Heading => None,
        // In Chinese, as everywhere else in the interface (第8段, 註1, 附件（4）第2項).
        _ if locale != Locale::En => Some(paragraph_label(locale, &p.label)),
        ParagraphKind::Body => Some(format!("para. {}", p.label)),
        ParagraphKind::Footnote => Some(format!(
            "footnote {}",
            p.label.trim_start_matches("Footnote").trim()
        )),
        ParagraphKind::AnnexRow => Some(p.label.clone()),
    }
}

/// A citation of the paper (and of one paragraph of it), APA-like, in the interface language:
/// "Innovation and Technology Bureau (2021). Innovation and Technology in the 2021 Policy
/// Address, para. 8. Retrieved 30 November 2026, from <url>". The paper's own names stay in
/// English, the language it was published in.
pub fn citation(
    locale: Locale,
    doc: &Document,
    paragraph: Option<&Paragraph>,
    retrieved: &str,
    url: &str,
) -> String {
    let year = doc.date.get(..4).unwrap_or(&doc.date);
    let place = paragraph.and_then(|p| paragraph_ref(locale, p));
    let day = long_date(locale, retrieved);
    let (bureau, title) = (&doc.bureau, &doc.title);
    match locale {
        Locale::En => {
            let place = place.map(|p| format!(", {p}")).unwrap_or_default();
            format!("{bureau} ({year}). {title}{place}. Retrieved {day}, from {url}")
        }
        Locale::ZhHant | Locale::ZhHans => {
            let place = place.map(|p| format!("，{p}")).unwrap_or_default();
            let retrieved = if locale == Locale::ZhHant {
                "擷取自"
            } else {
                "检索自"
            };
            format!("{bureau}（{year}）。{title}{place}。{day}{retrieved} {url}")
        }
    }
}

/// "and 4 980 more", for a list cut short.
pub fn more_not_listed(locale: Locale, n: usize) -> String {
    match crate::zh_code::for_locale(locale) {
        Some(zh) => (zh.more_not_listed)(locale, n),
        None => format!("and {n} more"),
    }
}

pub(crate) fn zh_more_not_listed(locale: Locale, n: usize) -> String {
    match locale {
        Locale::ZhHans => format!("另有 {n} 项未列出"),
        _ => format!("另有 {n} 項未列出"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The views' texts (`Key::VIEWS`) are named only in the code of the views loaded on
    /// demand, which installs their English before it shows any (`install_view_texts`): in
    /// the first screen's code they would show as blank until a view had been opened.
    #[test]
    fn view_texts_are_named_only_by_the_views() {
        const VIEW_CODE: [&str; 7] = [
            "ui/timeline/",
            "ui/map/",
            "ui/charts.rs",
            "ui/source.rs",
            "charts/",
            "timeline.rs",
            "geo.rs",
        ];
        fn sources(dir: &std::path::Path, out: &mut Vec<(String, String)>) {
            for entry in std::fs::read_dir(dir).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    sources(&path, out);
                } else if path.extension().is_some_and(|e| e == "rs") {
                    out.push((
                        path.display().to_string(),
                        std::fs::read_to_string(&path).unwrap(),
                    ));
                }
            }
        }
        let src = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        let mut files = Vec::new();
        sources(&src, &mut files);
        assert!(files.len() > 30, "the sources were not found");
        for &key in Key::VIEWS {
            let name = format!("Key::{key:?}");
            for (path, text) in &files {
                let relative = path
                    .trim_start_matches(&*src.display().to_string())
                    .trim_start_matches('/');
                let in_view = VIEW_CODE.iter().any(|v| relative.starts_with(v));
                assert!(
                    in_view || relative == "i18n.rs" || !text.contains(&name),
                    "{name} is named in src/{relative}, outside the views' code"
                );
            }
        }
        assert!(Key::VIEWS.iter().all(|&k| !view_english(k).is_empty()));
    }

    #[test]
    fn every_key_has_text_in_every_language() {
        for &key in Key::ALL {
            for locale in Locale::ALL {
                assert!(!t(locale, key).trim().is_empty(), "{key:?} in {locale:?}");
            }
        }
    }

    #[test]
    fn chinese_texts_are_translated_not_copied() {
        // Brand-like names may coincide; everything else must differ from English.
        for &key in Key::ALL {
            assert_ne!(t(Locale::En, key), t(Locale::ZhHant, key), "{key:?}");
        }
    }

    #[test]
    fn result_counts_read_naturally() {
        assert_eq!(results_count(Locale::En, 18, 94), "18 of 94 items");
        assert_eq!(results_count(Locale::ZhHant, 18, 94), "94個項目中的18個");
    }

    #[test]
    fn punctuation_follows_the_language() {
        assert_eq!(labelled(Locale::En, "Issued by", "ITB"), "Issued by: ITB");
        assert_eq!(
            labelled(Locale::ZhHant, "發出機構", "創新及科技局"),
            "發出機構：創新及科技局"
        );
        assert_eq!(bracketed(Locale::En, "20"), " (20)");
        assert_eq!(bracketed(Locale::ZhHant, "20"), "（20）");
        assert_eq!(quoted(Locale::ZhHant, "河套"), "「河套」");
        assert_eq!(quoted(Locale::ZhHans, "河套"), "“河套”");
        assert_eq!(list_separator(Locale::ZhHans), "、");
        assert_eq!(paragraph_label(Locale::ZhHant, "8"), "第8段");
        assert_eq!(paragraph_label(Locale::En, "8"), "Paragraph 8");
        assert_eq!(paragraph_label(Locale::ZhHant, "Footnote 1"), "註1");
        assert_eq!(
            paragraph_label(Locale::ZhHans, "Annex (1), row 2"),
            "附件（1）第2项"
        );
        assert_eq!(
            paragraph_label(Locale::En, "Annex (1), row 2"),
            "Annex (1), row 2"
        );
    }

    #[test]
    fn simplified_uses_mainland_terms() {
        let all: String = Key::ALL.iter().map(|&k| t(Locale::ZhHans, k)).collect();
        for hk in ["未有说明", "或会", "设定", "扫动", "排先", "载入", "资料"] {
            assert!(
                !all.contains(hk),
                "Simplified text uses the Hong Kong term {hk}"
            );
        }
    }

    #[test]
    fn brackets_are_balanced_in_every_text() {
        for &key in Key::ALL {
            for locale in Locale::ALL {
                let s = t(locale, key);
                for (open, close) in [('(', ')'), ('（', '）'), ('「', '」'), ('“', '”')] {
                    let opens = s.chars().filter(|&c| c == open).count();
                    let closes = s.chars().filter(|&c| c == close).count();
                    assert_eq!(opens, closes, "{key:?} in {locale:?}: {s}");
                }
            }
        }
    }

    #[test]
    fn titles_and_announcements_follow_the_language() {
        assert_eq!(
            page_title(Locale::En, "Timeline", None, false),
            "Timeline · I&T Policy Explorer"
        );
        assert_eq!(
            page_title(Locale::ZhHant, "地圖", Some("數碼港"), false),
            "數碼港｜地圖｜創科政策探索"
        );
        assert_eq!(
            page_title(Locale::En, "Map", None, true),
            "Map · I&T Policy Explorer (offline edition)"
        );
        assert_eq!(
            page_title(Locale::ZhHans, "地图", None, true),
            "地图｜创科政策探索（离线版）"
        );
        assert_eq!(
            view_announcement(Locale::En, "Map", 18, 94),
            "Map view, 18 of 94 items"
        );
        assert_eq!(
            counted_list(Locale::ZhHans, &[("已推出", 3), ("计划中", 1)]),
            "已推出 3、计划中 1"
        );
        assert_eq!(bracketed(Locale::ZhHant, "已推出 3"), "（已推出 3）");
        assert_eq!(
            counted_list(Locale::En, &[("Launched", 3), ("Planned", 1)]),
            "Launched 3, Planned 1"
        );
    }

    #[test]
    fn citations_name_the_paragraph_in_each_language() {
        let data =
            crate::model::Dataset::from_json(include_str!("../public/data/policy-2021.json"))
                .expect("the bundled dataset loads");
        let p8 = data.paragraph("p8");
        let url = "https://example.org/?item=hsitp";
        assert_eq!(
            citation(Locale::En, &data.document, p8, "2026-11-30", url),
            "Innovation and Technology Bureau (2021). Innovation and Technology in the 2021 \
             Policy Address, para. 8. Retrieved 30 November 2026, from https://example.org/?item=hsitp"
        );
        assert_eq!(
            citation(Locale::ZhHant, &data.document, p8, "2026-11-30", url),
            "Innovation and Technology Bureau（2021）。Innovation and Technology in the 2021 \
             Policy Address，第8段。2026年11月30日擷取自 https://example.org/?item=hsitp"
        );
        let whole = citation(Locale::ZhHans, &data.document, None, "2026-01-05", url);
        assert!(
            whole.contains("Address。2026年1月5日检索自 https://"),
            "{whole}"
        );
        let annex = data.paragraph("a4-2").expect("Annex (4), row 2");
        assert_eq!(
            paragraph_ref(Locale::En, annex).as_deref(),
            Some("Annex (4), row 2")
        );
        assert_eq!(
            paragraph_ref(Locale::ZhHant, annex).as_deref(),
            Some("附件（4）第2項")
        );
        let fn1 = data.paragraph("fn1").expect("the footnote");
        assert_eq!(
            paragraph_ref(Locale::En, fn1).as_deref(),
            Some("footnote 1")
        );
        assert_eq!(paragraph_ref(Locale::ZhHans, fn1).as_deref(), Some("注1"));
        let heading = data.paragraph("h-purpose").expect("a heading");
        assert_eq!(paragraph_ref(Locale::En, heading), None);
        assert_eq!(long_date(Locale::En, "not a date"), "not a date");
    }

    #[test]
    fn locale_parses_case_insensitively() {
        assert_eq!(Locale::parse("zh-Hant"), Some(Locale::ZhHant));
        assert_eq!(Locale::parse("fr"), None);
    }
}
