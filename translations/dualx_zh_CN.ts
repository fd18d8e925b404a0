<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>JobState</name>
    <message>
        <location filename="../ui/job.cpp" line="32"/>
        <source>Queued</source>
        <translation>排队中</translation>
    </message>
    <message>
        <location filename="../ui/job.cpp" line="33"/>
        <source>Running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <location filename="../ui/job.cpp" line="34"/>
        <source>Paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <location filename="../ui/job.cpp" line="35"/>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../ui/job.cpp" line="36"/>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <location filename="../ui/job.cpp" line="37"/>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location filename="../ui/job.cpp" line="38"/>
        <source>Refused</source>
        <translation>已拒绝</translation>
    </message>
</context>
<context>
    <name>dualx::ui::ComparePanel</name>
    <message>
        <location filename="../ui/compare_panel.cpp" line="45"/>
        <source>Split</source>
        <translation>分屏</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel.cpp" line="46"/>
        <source>Side by side</source>
        <translation>并排</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel.cpp" line="47"/>
        <source>Toggle (hold Space)</source>
        <translation>切换（按住空格键）</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel.cpp" line="48"/>
        <source>Difference</source>
        <translation>差异</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel.cpp" line="60"/>
        <source>Fit</source>
        <translation>适应窗口</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel.cpp" line="60"/>
        <source>100%</source>
        <translation>100%</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel.cpp" line="60"/>
        <source>200%</source>
        <translation>200%</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel.cpp" line="60"/>
        <source>400%</source>
        <translation>400%</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel.cpp" line="69"/>
        <source>Preview this frame</source>
        <translation>预览此帧</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel.cpp" line="70"/>
        <source>Restore the current frame with the job&apos;s model and settings</source>
        <translation>使用任务的模型和设置修复当前帧</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel.cpp" line="79"/>
        <source>Previous frame</source>
        <translation>上一帧</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel.cpp" line="82"/>
        <source>Next frame</source>
        <translation>下一帧</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel.cpp" line="84"/>
        <source>Frame</source>
        <translation>帧</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel.cpp" line="127"/>
        <source>Select a job to compare its source and result.</source>
        <translation>选择一个任务以对比源视频和结果。</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel.cpp" line="153"/>
        <source>frame %1 / %2</source>
        <translation>第 %1 / %2 帧</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel.cpp" line="154"/>
        <source>Source and finished output, frame-synchronised.</source>
        <translation>源视频与已完成的输出，逐帧同步。</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel.cpp" line="155"/>
        <source>Source only: press &quot;Preview this frame&quot; to see the restored frame.</source>
        <translation>仅源视频：点击“预览此帧”查看修复后的帧。</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel.cpp" line="173"/>
        <source>frame %1 / %2  %3</source>
        <translation>第 %1 / %2 帧  %3</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel.cpp" line="197"/>
        <source>Restoring frame %1 with a %2-frame window…</source>
        <translation>正在使用 %2 帧窗口修复第 %1 帧…</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel.cpp" line="215"/>
        <source>Preview failed: %1</source>
        <translation>预览失败：%1</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel.cpp" line="219"/>
        <source>Preview of frame %1: source left, restored right.</source>
        <translation>第 %1 帧预览：左侧为源，右侧为修复结果。</translation>
    </message>
</context>
<context>
    <name>dualx::ui::CompareViewer</name>
    <message>
        <location filename="../ui/compare_viewer.cpp" line="40"/>
        <source>Before/after comparison</source>
        <translation>前后对比</translation>
    </message>
    <message>
        <location filename="../ui/compare_viewer.cpp" line="41"/>
        <source>Compares the source frame with the restored frame. Drag the divider or the image, scroll to zoom, F fits, 1, 2 and 4 set the zoom, hold Space to show the source.</source>
        <translation>对比源帧与修复后的帧。拖动分隔线或图像，滚动鼠标滚轮缩放，按 F 适应窗口，按 1、2、4 设置缩放，按住空格键显示源帧。</translation>
    </message>
    <message>
        <location filename="../ui/compare_viewer.cpp" line="320"/>
        <source>No frame</source>
        <translation>无帧</translation>
    </message>
    <message>
        <location filename="../ui/compare_viewer.cpp" line="323"/>
        <source>Source</source>
        <translation>源</translation>
    </message>
    <message>
        <location filename="../ui/compare_viewer.cpp" line="324"/>
        <source>Restored</source>
        <translation>修复后</translation>
    </message>
    <message>
        <location filename="../ui/compare_viewer.cpp" line="325"/>
        <source>No source frame</source>
        <translation>无源帧</translation>
    </message>
    <message>
        <location filename="../ui/compare_viewer.cpp" line="326"/>
        <source>No restored frame</source>
        <translation>无修复帧</translation>
    </message>
    <message>
        <location filename="../ui/compare_viewer.cpp" line="356"/>
        <source>Difference needs both frames</source>
        <translation>差异模式需要两帧</translation>
    </message>
    <message>
        <location filename="../ui/compare_viewer.cpp" line="357"/>
        <source>Difference ×%1</source>
        <translation>差异 ×%1</translation>
    </message>
    <message>
        <location filename="../ui/compare_viewer.cpp" line="360"/>
        <source>%1 %</source>
        <translation>%1%</translation>
    </message>
</context>
<context>
    <name>dualx::ui::JobQueueModel</name>
    <message>
        <location filename="../ui/job_queue_model.cpp" line="58"/>
        <source>Source</source>
        <translation>源</translation>
    </message>
    <message>
        <location filename="../ui/job_queue_model.cpp" line="59"/>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <location filename="../ui/job_queue_model.cpp" line="60"/>
        <source>Preset</source>
        <translation>预设</translation>
    </message>
    <message>
        <location filename="../ui/job_queue_model.cpp" line="61"/>
        <source>Output</source>
        <translation>输出</translation>
    </message>
    <message>
        <location filename="../ui/job_queue_model.cpp" line="62"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../ui/job_queue_model.cpp" line="63"/>
        <source>Progress</source>
        <translation>进度</translation>
    </message>
    <message>
        <location filename="../ui/job_queue_model.cpp" line="64"/>
        <source>Speed</source>
        <translation>速度</translation>
    </message>
    <message>
        <location filename="../ui/job_queue_model.cpp" line="65"/>
        <source>ETA</source>
        <translation>剩余时间</translation>
    </message>
    <message>
        <location filename="../ui/job_queue_model.cpp" line="78"/>
        <source>MSE (faithful)</source>
        <translation>MSE（保真）</translation>
    </message>
    <message>
        <location filename="../ui/job_queue_model.cpp" line="78"/>
        <source>GAN (sharp)</source>
        <translation>GAN（锐利）</translation>
    </message>
    <message>
        <location filename="../ui/job_queue_model.cpp" line="83"/>
        <source>%1 fps</source>
        <translation>%1 fps</translation>
    </message>
    <message>
        <location filename="../ui/job_queue_model.cpp" line="195"/>
        <source>%1 does not exist</source>
        <translation>%1 不存在</translation>
    </message>
    <message>
        <location filename="../ui/job_queue_model.cpp" line="197"/>
        <source>reading…</source>
        <translation>读取中…</translation>
    </message>
    <message>
        <location filename="../ui/job_queue_model.cpp" line="238"/>
        <source>not a video FFmpeg can read: %1</source>
        <translation>不是 FFmpeg 可读取的视频：%1</translation>
    </message>
</context>
<context>
    <name>dualx::ui::MainWindow</name>
    <message>
        <location filename="../ui/main_window.cpp" line="54"/>
        <source>Job queue</source>
        <translation>任务队列</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="71"/>
        <location filename="../ui/main_window.cpp" line="72"/>
        <source>Log</source>
        <translation>日志</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="88"/>
        <source>Queue finished: %1 done, %2 failed</source>
        <translation>队列已完成：%1 个成功，%2 个失败</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="89"/>
        <location filename="../ui/main_window.cpp" line="212"/>
        <source>DualX Studio</source>
        <translation>DualX Studio</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="112"/>
        <source>Queue database: %1 (%2 jobs)</source>
        <translation>队列数据库：%1（%2 个任务）</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="119"/>
        <source>Queue</source>
        <translation>队列</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="130"/>
        <source>Add videos</source>
        <translation>添加视频</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="134"/>
        <source>Add a folder of videos</source>
        <translation>添加视频文件夹</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="194"/>
        <source>Preset for selected jobs</source>
        <translation>所选任务的预设</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="213"/>
        <source>Drop videos or folders here
or use Add files / Add folder</source>
        <translation>将视频或文件夹拖放到此处
或使用“添加文件”/“添加文件夹”</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="215"/>
        <source>Add files</source>
        <translation>添加文件</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="215"/>
        <source>Add folder</source>
        <translation>添加文件夹</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="215"/>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="216"/>
        <location filename="../ui/main_window.cpp" line="238"/>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="216"/>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="216"/>
        <source>Cancel job</source>
        <translation>取消任务</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="217"/>
        <source>Retry</source>
        <translation>重试</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="217"/>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="217"/>
        <source>To top</source>
        <translation>移至顶部</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="218"/>
        <source>Up</source>
        <translation>上移</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="218"/>
        <source>Down</source>
        <translation>下移</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="218"/>
        <source>To bottom</source>
        <translation>移至底部</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="219"/>
        <source>Use MSE model</source>
        <translation>使用 MSE 模型</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="219"/>
        <source>Use GAN model</source>
        <translation>使用 GAN 模型</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="219"/>
        <source>Open output folder</source>
        <translation>打开输出文件夹</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="220"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="238"/>
        <source>Resume</source>
        <translation>继续</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="242"/>
        <source>Paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="242"/>
        <source>Running %1 job(s)</source>
        <translation>正在运行 %1 个任务</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="243"/>
        <source>%1 jobs in the queue</source>
        <translation>队列中有 %1 个任务</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="264"/>
        <source>Added %1 job(s)</source>
        <translation>已添加 %1 个任务</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="303"/>
        <source>Stopping: running jobs will resume from their last segment next time</source>
        <translation>正在停止：运行中的任务下次将从上一个片段继续</translation>
    </message>
</context>
<context>
    <name>dualx::ui::QueueRunner</name>
    <message>
        <location filename="../ui/queue_runner.cpp" line="58"/>
        <source>Queue paused</source>
        <translation>队列已暂停</translation>
    </message>
    <message>
        <location filename="../ui/queue_runner.cpp" line="69"/>
        <source>Queue resumed</source>
        <translation>队列已恢复</translation>
    </message>
    <message>
        <location filename="../ui/queue_runner.cpp" line="116"/>
        <location filename="../ui/queue_runner.cpp" line="192"/>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location filename="../ui/queue_runner.cpp" line="126"/>
        <source>Started %1 -&gt; %2</source>
        <translation>已开始 %1 -&gt; %2</translation>
    </message>
    <message>
        <location filename="../ui/queue_runner.cpp" line="147"/>
        <source>%1 frames, %2x%3, %4 s</source>
        <translation>%1 帧，%2x%3，%4 秒</translation>
    </message>
    <message>
        <location filename="../ui/queue_runner.cpp" line="164"/>
        <source>Queue finished: %1 done, %2 failed</source>
        <translation>队列已完成：%1 个成功，%2 个失败</translation>
    </message>
    <message>
        <location filename="../ui/queue_runner.cpp" line="192"/>
        <source>Finished %1: %2</source>
        <translation>已完成 %1：%2</translation>
    </message>
</context>
<context>
    <name>dualx::ui::SettingsDialog</name>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="42"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="46"/>
        <source>Automatic (GPU if available)</source>
        <translation>自动（如有 GPU 则使用 GPU）</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="47"/>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="48"/>
        <source>CUDA: %1</source>
        <translation>CUDA：%1</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="50"/>
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="51"/>
        <source>all %1 cores</source>
        <translation>全部 %1 个核心</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="52"/>
        <source>CPU threads</source>
        <translation>CPU 线程数</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="53"/>
        <source>model default (112 MSE, 64 GAN)</source>
        <translation>模型默认值（MSE 112，GAN 64）</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="54"/>
        <source>Tile size (input pixels)</source>
        <translation>分块大小（输入像素）</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="56"/>
        <source>Tile overlap</source>
        <translation>分块重叠</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="58"/>
        <source>Temporal window (frames)</source>
        <translation>时间窗口（帧）</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="60"/>
        <source>Window overlap (frames)</source>
        <translation>窗口重叠（帧）</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="63"/>
        <source>MSE (faithful)</source>
        <translation>MSE（保真）</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="64"/>
        <source>GAN (sharp)</source>
        <translation>GAN（锐利）</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="66"/>
        <source>Model for new jobs</source>
        <translation>新任务的模型</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="70"/>
        <source>Preset for new jobs</source>
        <translation>新任务的预设</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="74"/>
        <source>beside each source</source>
        <translation>各源文件所在目录</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="75"/>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="77"/>
        <location filename="../ui/settings_dialog.cpp" line="82"/>
        <source>Output folder</source>
        <translation>输出文件夹</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="84"/>
        <source>{name} is the source file name without its extension</source>
        <translation>{name} 为不含扩展名的源文件名</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="85"/>
        <source>Output name</source>
        <translation>输出文件名</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="87"/>
        <source>Jobs at a time</source>
        <translation>同时运行的任务数</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="88"/>
        <source>Quit when the queue is done</source>
        <translation>队列完成后退出</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="92"/>
        <source>System language</source>
        <translation>系统语言</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="95"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
</context>
</TS>
