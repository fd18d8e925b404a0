<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>JobState</name>
    <message>
        <location filename="../ui/job.cpp" line="35"/>
        <source>Queued</source>
        <translation>排队中</translation>
    </message>
    <message>
        <location filename="../ui/job.cpp" line="36"/>
        <source>Running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <location filename="../ui/job.cpp" line="37"/>
        <source>Paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <location filename="../ui/job.cpp" line="38"/>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../ui/job.cpp" line="39"/>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <location filename="../ui/job.cpp" line="40"/>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location filename="../ui/job.cpp" line="41"/>
        <source>Refused</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <location filename="../ui/job.cpp" line="42"/>
        <source>On cluster</source>
        <translation>在集群上</translation>
    </message>
</context>
<context>
    <name>SourceQuality</name>
    <message>
        <location filename="../ui/job.cpp" line="49"/>
        <location filename="../ui/job.cpp" line="58"/>
        <source>Unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <location filename="../ui/job.cpp" line="50"/>
        <source>Clean (a good master)</source>
        <translation>干净（优质母版）</translation>
    </message>
    <message>
        <location filename="../ui/job.cpp" line="51"/>
        <source>Degraded (blurred, noisy or compressed)</source>
        <translation>劣化（模糊、噪点或压缩）</translation>
    </message>
    <message>
        <location filename="../ui/job.cpp" line="56"/>
        <source>Clean</source>
        <translation>干净</translation>
    </message>
    <message>
        <location filename="../ui/job.cpp" line="57"/>
        <source>Degraded</source>
        <translation>劣化</translation>
    </message>
    <message>
        <location filename="../ui/job.cpp" line="59"/>
        <source>Custom (%1)</source>
        <translation>自定义（%1）</translation>
    </message>
</context>
<context>
    <name>dualx::ui::ClusterLink</name>
    <message>
        <location filename="../ui/cluster_link.cpp" line="54"/>
        <source>None of the selected jobs can be sent: only queued, failed or cancelled jobs can.</source>
        <translation>所选任务都不能发送：只能发送排队中、失败或已取消的任务。</translation>
    </message>
    <message>
        <location filename="../ui/cluster_link.cpp" line="92"/>
        <source>Sent to Slurm job %1 (batch %2)</source>
        <translation>已发送到 Slurm 作业 %1（批次 %2）</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/cluster_link.cpp" line="96"/>
        <source>%n job(s) sent to the cluster as Slurm job %1; batch folder %2</source>
        <translation>
            <numerusform>%n 个任务已作为 Slurm 作业 %1 发送到集群；批次文件夹 %2</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/cluster_link.cpp" line="126"/>
        <source>Cluster status not read: %1</source>
        <translation>未能读取集群状态：%1</translation>
    </message>
    <message>
        <location filename="../ui/cluster_link.cpp" line="139"/>
        <source>Cancelled the cluster batch %1</source>
        <translation>已取消集群批次 %1</translation>
    </message>
    <message>
        <location filename="../ui/cluster_link.cpp" line="141"/>
        <source>Could not cancel the cluster batch %1: %2</source>
        <translation>无法取消集群批次 %1：%2</translation>
    </message>
    <message>
        <location filename="../ui/cluster_link.cpp" line="169"/>
        <source>Queued on the cluster</source>
        <translation>在集群上排队</translation>
    </message>
    <message>
        <location filename="../ui/cluster_link.cpp" line="169"/>
        <source>Queued on the cluster: %1</source>
        <translation>在集群上排队：%1</translation>
    </message>
    <message>
        <location filename="../ui/cluster_link.cpp" line="172"/>
        <source>Running on the cluster: %1 of %2 parts done</source>
        <translation>在集群上运行：%2 个部分已完成 %1 个</translation>
    </message>
    <message>
        <location filename="../ui/cluster_link.cpp" line="173"/>
        <source>Running on the cluster</source>
        <translation>在集群上运行</translation>
    </message>
    <message>
        <location filename="../ui/cluster_link.cpp" line="175"/>
        <source>Joining its %1 parts on the cluster</source>
        <translation>正在集群上合并其 %1 个部分</translation>
    </message>
    <message>
        <location filename="../ui/cluster_link.cpp" line="178"/>
        <source>Done on the cluster</source>
        <translation>已在集群上完成</translation>
    </message>
    <message>
        <location filename="../ui/cluster_link.cpp" line="182"/>
        <source>Failed on the cluster: %1</source>
        <translation>在集群上失败：%1</translation>
    </message>
    <message>
        <location filename="../ui/cluster_link.cpp" line="183"/>
        <source>Failed on the cluster: %1 (log: %2)</source>
        <translation>在集群上失败：%1（日志：%2）</translation>
    </message>
    <message>
        <location filename="../ui/cluster_link.cpp" line="187"/>
        <source>Cancelled on the cluster</source>
        <translation>已在集群上取消</translation>
    </message>
</context>
<context>
    <name>dualx::ui::ComparePanel</name>
    <message>
        <location filename="../ui/compare_panel.cpp" line="59"/>
        <source>Split</source>
        <translation>分屏</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel.cpp" line="60"/>
        <source>Side by side</source>
        <translation>并排</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel.cpp" line="61"/>
        <source>Toggle (hold Space)</source>
        <translation>切换（按住空格键）</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel.cpp" line="62"/>
        <source>Difference</source>
        <translation>差异</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel.cpp" line="74"/>
        <source>Fit</source>
        <translation>适应窗口</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel.cpp" line="74"/>
        <source>100%</source>
        <translation>100%</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel.cpp" line="74"/>
        <source>200%</source>
        <translation>200%</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel.cpp" line="74"/>
        <source>400%</source>
        <translation>400%</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel.cpp" line="83"/>
        <source>Preview this frame</source>
        <translation>预览此帧</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel.cpp" line="84"/>
        <source>Restore the current frame with the job&apos;s model and settings</source>
        <translation>使用任务的模型和设置修复当前帧</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel.cpp" line="93"/>
        <source>Previous frame</source>
        <translation>上一帧</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel.cpp" line="96"/>
        <source>Next frame</source>
        <translation>下一帧</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel.cpp" line="98"/>
        <source>Frame</source>
        <translation>帧</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel.cpp" line="143"/>
        <source>Select a job to compare its source and result.</source>
        <translation>选择一个任务以对比源视频和结果。</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel.cpp" line="172"/>
        <source>frame %1 / %2</source>
        <translation>第 %1 / %2 帧</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel.cpp" line="173"/>
        <source>Source and finished output, frame-synchronised.</source>
        <translation>源视频与已完成的输出，逐帧同步。</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel.cpp" line="174"/>
        <source>Source only: press &quot;Preview this frame&quot; to see the restored frame.</source>
        <translation>仅源视频：点击“预览此帧”查看修复后的帧。</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel.cpp" line="199"/>
        <source>frame %1 / %2  %3</source>
        <translation>第 %1 / %2 帧  %3</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel.cpp" line="224"/>
        <source>Restoring frame %1 with a %2-frame window…</source>
        <translation>正在使用 %2 帧窗口修复第 %1 帧…</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel.cpp" line="251"/>
        <source>Preview failed: %1</source>
        <translation>预览失败：%1</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel.cpp" line="255"/>
        <source>Preview of frame %1: source left, restored right.</source>
        <translation>第 %1 帧预览：左侧为源，右侧为修复结果。</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel.cpp" line="256"/>
        <source>Quick preview of frame %1 (%2-frame window): refining with the job&apos;s window…</source>
        <translation>第 %1 帧的快速预览（%2 帧窗口）：正在用任务的窗口细化…</translation>
    </message>
</context>
<context>
    <name>dualx::ui::CompareViewer</name>
    <message>
        <location filename="../ui/compare_viewer.cpp" line="39"/>
        <source>Before/after comparison</source>
        <translation>前后对比</translation>
    </message>
    <message>
        <location filename="../ui/compare_viewer.cpp" line="40"/>
        <source>Compares the source frame with the restored frame. Drag the divider or the image, scroll to zoom, F fits, 1, 2 and 4 set the zoom, hold Space to show the source.</source>
        <translation>对比源帧与修复后的帧。拖动分隔线或图像，滚动鼠标滚轮缩放，按 F 适应窗口，按 1、2、4 设置缩放，按住空格键显示源帧。</translation>
    </message>
    <message>
        <location filename="../ui/compare_viewer.cpp" line="308"/>
        <source>No frame</source>
        <translation>无帧</translation>
    </message>
    <message>
        <location filename="../ui/compare_viewer.cpp" line="311"/>
        <source>Source</source>
        <translation>源</translation>
    </message>
    <message>
        <location filename="../ui/compare_viewer.cpp" line="312"/>
        <source>Restored</source>
        <translation>修复后</translation>
    </message>
    <message>
        <location filename="../ui/compare_viewer.cpp" line="313"/>
        <source>No source frame</source>
        <translation>无源帧</translation>
    </message>
    <message>
        <location filename="../ui/compare_viewer.cpp" line="314"/>
        <source>No restored frame</source>
        <translation>无修复帧</translation>
    </message>
    <message>
        <location filename="../ui/compare_viewer.cpp" line="344"/>
        <source>Difference needs both frames</source>
        <translation>差异模式需要两帧</translation>
    </message>
    <message>
        <location filename="../ui/compare_viewer.cpp" line="345"/>
        <source>Difference ×%1</source>
        <translation>差异 ×%1</translation>
    </message>
    <message>
        <location filename="../ui/compare_viewer.cpp" line="348"/>
        <source>%1 %</source>
        <translation>%1%</translation>
    </message>
</context>
<context>
    <name>dualx::ui::JobQueueModel</name>
    <message>
        <location filename="../ui/job_queue_model.cpp" line="61"/>
        <source>Source</source>
        <translation>源</translation>
    </message>
    <message>
        <location filename="../ui/job_queue_model.cpp" line="62"/>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <location filename="../ui/job_queue_model.cpp" line="63"/>
        <source>Source quality</source>
        <translation>来源质量</translation>
    </message>
    <message>
        <location filename="../ui/job_queue_model.cpp" line="64"/>
        <source>Preset</source>
        <translation>预设</translation>
    </message>
    <message>
        <location filename="../ui/job_queue_model.cpp" line="65"/>
        <source>Output</source>
        <translation>输出</translation>
    </message>
    <message>
        <location filename="../ui/job_queue_model.cpp" line="66"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../ui/job_queue_model.cpp" line="67"/>
        <source>Progress</source>
        <translation>进度</translation>
    </message>
    <message>
        <location filename="../ui/job_queue_model.cpp" line="68"/>
        <source>Speed</source>
        <translation>速度</translation>
    </message>
    <message>
        <location filename="../ui/job_queue_model.cpp" line="69"/>
        <source>ETA</source>
        <translation>剩余时间</translation>
    </message>
    <message>
        <location filename="../ui/job_queue_model.cpp" line="83"/>
        <source>MSE (faithful)</source>
        <translation>MSE（保真）</translation>
    </message>
    <message>
        <location filename="../ui/job_queue_model.cpp" line="84"/>
        <source>GAN (sharp)</source>
        <translation>GAN（锐利）</translation>
    </message>
    <message>
        <location filename="../ui/job_queue_model.cpp" line="92"/>
        <source>%1 fps</source>
        <translation>%1 fps</translation>
    </message>
    <message>
        <location filename="../ui/job_queue_model.cpp" line="104"/>
        <source>What the video is like, told to a source-aware model: 0 clean, 0.5 unknown, 1 degraded (now %1)</source>
        <translation>告诉感知来源的模型视频的情况：0 干净，0.5 未知，1 劣化（当前 %1）</translation>
    </message>
    <message>
        <location filename="../ui/job_queue_model.cpp" line="223"/>
        <source>%1 does not exist</source>
        <translation>%1 不存在</translation>
    </message>
    <message>
        <location filename="../ui/job_queue_model.cpp" line="226"/>
        <source>folder %1 holds no video files (%2)</source>
        <translation>文件夹 %1 中没有视频文件（%2）</translation>
    </message>
    <message>
        <location filename="../ui/job_queue_model.cpp" line="228"/>
        <source>reading…</source>
        <translation>读取中…</translation>
    </message>
    <message>
        <location filename="../ui/job_queue_model.cpp" line="277"/>
        <source>not a video FFmpeg can read: %1</source>
        <translation>不是 FFmpeg 可读取的视频：%1</translation>
    </message>
</context>
<context>
    <name>dualx::ui::MainWindow</name>
    <message>
        <location filename="../ui/main_window.cpp" line="66"/>
        <source>Job queue</source>
        <translation>任务队列</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="85"/>
        <location filename="../ui/main_window.cpp" line="86"/>
        <source>Log</source>
        <translation>日志</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="104"/>
        <source>Send to cluster</source>
        <translation>发送到集群</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="109"/>
        <source>Queue finished: %1 done, %2 failed</source>
        <translation>队列已完成：%1 个成功，%2 个失败</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="110"/>
        <location filename="../ui/main_window.cpp" line="286"/>
        <source>DualX Studio</source>
        <translation>DualX Studio</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="133"/>
        <source>Queue database: %1 (%2 jobs)</source>
        <translation>队列数据库：%1（%2 个任务）</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="140"/>
        <source>Queue</source>
        <translation>队列</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="151"/>
        <source>Add videos</source>
        <translation>添加视频</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="155"/>
        <source>Add a folder of videos</source>
        <translation>添加视频文件夹</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="181"/>
        <source>Cancel on the cluster</source>
        <translation>在集群上取消</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/main_window.cpp" line="182"/>
        <source>Jobs sent to a cluster together are cancelled together. Cancel %n batch(es) on the cluster? Finished files stay; Send to cluster again continues the rest.</source>
        <translation>
            <numerusform>一起发送到集群的任务会一起取消。要在集群上取消 %n 个批次吗？已完成的文件保留；再次发送到集群会继续其余部分。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="233"/>
        <source>Presets changed</source>
        <translation>预设已更改</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="243"/>
        <source>Preset for selected jobs</source>
        <translation>所选任务的预设</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="248"/>
        <source>Source quality for selected jobs</source>
        <translation>所选任务的来源质量</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="253"/>
        <source>Output folder for selected jobs…</source>
        <translation>所选任务的输出文件夹…</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="254"/>
        <source>Output folder</source>
        <translation>输出文件夹</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="267"/>
        <source>Details…</source>
        <translation>详细信息…</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="270"/>
        <source>%1
→ %2

State: %3</source>
        <translation>%1
→ %2

状态：%3</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="287"/>
        <source>Drop videos or folders here
or use Add files / Add folder</source>
        <translation>将视频或文件夹拖放到此处
或使用“添加文件”/“添加文件夹”</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="288"/>
        <source>Add files</source>
        <translation>添加文件</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="289"/>
        <source>Add folder</source>
        <translation>添加文件夹</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="290"/>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="291"/>
        <location filename="../ui/main_window.cpp" line="324"/>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="292"/>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="293"/>
        <source>Cancel job</source>
        <translation>取消任务</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="294"/>
        <source>Retry</source>
        <translation>重试</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="295"/>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="296"/>
        <source>To top</source>
        <translation>移至顶部</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="297"/>
        <source>Up</source>
        <translation>上移</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="298"/>
        <source>Down</source>
        <translation>下移</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="299"/>
        <source>To bottom</source>
        <translation>移至底部</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="300"/>
        <source>Use MSE model</source>
        <translation>使用 MSE 模型</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="301"/>
        <source>Use GAN model</source>
        <translation>使用 GAN 模型</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="302"/>
        <source>Open output folder</source>
        <translation>打开输出文件夹</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="303"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="304"/>
        <source>Presets</source>
        <translation>预设</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="305"/>
        <source>About</source>
        <translation>关于</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="306"/>
        <source>Send to cluster…</source>
        <translation>发送到集群…</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="324"/>
        <source>Resume</source>
        <translation>继续</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="333"/>
        <source>Paused</source>
        <translation>已暂停</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/main_window.cpp" line="333"/>
        <source>Running %n job(s)</source>
        <translation>
            <numerusform>正在运行 %n 个任务</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/main_window.cpp" line="334"/>
        <source>%n job(s) in the queue</source>
        <translation>
            <numerusform>队列中有 %n 个任务</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/main_window.cpp" line="360"/>
        <source>Added %n job(s)</source>
        <translation>
            <numerusform>已添加 %n 个任务</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/main_window.cpp" line="361"/>
        <source>Skipped %n file(s) already in the queue</source>
        <translation>
            <numerusform>已跳过 %n 个已在队列中的文件</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="388"/>
        <source>About DualX Studio</source>
        <translation>关于 DualX Studio</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="389"/>
        <source>&lt;h3&gt;DualX Studio %1&lt;/h3&gt;&lt;p&gt;Restores and upscales videos 4x with the DualX-VSR video transformer.&lt;/p&gt;&lt;p&gt;LibTorch %2&lt;br&gt;Device: %3&lt;/p&gt;&lt;p&gt;Models:&lt;/p&gt;&lt;ul&gt;%4&lt;/ul&gt;</source>
        <translation>&lt;h3&gt;DualX Studio %1&lt;/h3&gt;&lt;p&gt;使用 DualX-VSR 视频 Transformer 修复视频并将其放大 4 倍。&lt;/p&gt;&lt;p&gt;LibTorch %2&lt;br&gt;设备：%3&lt;/p&gt;&lt;p&gt;模型：&lt;/p&gt;&lt;ul&gt;%4&lt;/ul&gt;</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="413"/>
        <source>Stopping: running jobs will resume from their last segment next time</source>
        <translation>正在停止：运行中的任务下次将从上一个片段继续</translation>
    </message>
</context>
<context>
    <name>dualx::ui::PresetEditor</name>
    <message>
        <location filename="../ui/preset_editor.cpp" line="167"/>
        <source>Export presets</source>
        <translation>导出预设</translation>
    </message>
    <message>
        <location filename="../ui/preset_editor.cpp" line="242"/>
        <source>&amp;Presets</source>
        <translation>预设(&amp;P)</translation>
    </message>
    <message>
        <location filename="../ui/preset_editor.cpp" line="246"/>
        <source>Presets</source>
        <translation>预设</translation>
    </message>
    <message>
        <location filename="../ui/preset_editor.cpp" line="251"/>
        <source>Ne&amp;w</source>
        <translation>新建(&amp;W)</translation>
    </message>
    <message>
        <location filename="../ui/preset_editor.cpp" line="252"/>
        <source>&amp;Duplicate</source>
        <translation>复制(&amp;D)</translation>
    </message>
    <message>
        <location filename="../ui/preset_editor.cpp" line="253"/>
        <source>De&amp;lete</source>
        <translation>删除(&amp;L)</translation>
    </message>
    <message>
        <location filename="../ui/preset_editor.cpp" line="254"/>
        <source>I&amp;mport…</source>
        <translation>导入(&amp;M)…</translation>
    </message>
    <message>
        <location filename="../ui/preset_editor.cpp" line="255"/>
        <source>E&amp;xport…</source>
        <translation>导出(&amp;X)…</translation>
    </message>
    <message>
        <location filename="../ui/preset_editor.cpp" line="256"/>
        <source>New preset</source>
        <translation>新建预设</translation>
    </message>
    <message>
        <location filename="../ui/preset_editor.cpp" line="257"/>
        <source>Duplicate preset</source>
        <translation>复制预设</translation>
    </message>
    <message>
        <location filename="../ui/preset_editor.cpp" line="258"/>
        <location filename="../ui/preset_editor.cpp" line="966"/>
        <source>Delete preset</source>
        <translation>删除预设</translation>
    </message>
    <message>
        <location filename="../ui/preset_editor.cpp" line="259"/>
        <location filename="../ui/preset_editor.cpp" line="1064"/>
        <source>Import preset</source>
        <translation>导入预设</translation>
    </message>
    <message>
        <location filename="../ui/preset_editor.cpp" line="260"/>
        <location filename="../ui/preset_editor.cpp" line="1075"/>
        <source>Export preset</source>
        <translation>导出预设</translation>
    </message>
    <message>
        <location filename="../ui/preset_editor.cpp" line="261"/>
        <source>Start a new preset from common settings</source>
        <translation>以常用设置新建预设</translation>
    </message>
    <message>
        <location filename="../ui/preset_editor.cpp" line="262"/>
        <source>Make an editable copy of the selected preset</source>
        <translation>为所选预设创建可编辑的副本</translation>
    </message>
    <message>
        <location filename="../ui/preset_editor.cpp" line="263"/>
        <source>Delete the selected user preset file</source>
        <translation>删除所选的用户预设文件</translation>
    </message>
    <message>
        <location filename="../ui/preset_editor.cpp" line="264"/>
        <source>Add a preset .json file to your presets</source>
        <translation>将预设 .json 文件添加到预设列表</translation>
    </message>
    <message>
        <location filename="../ui/preset_editor.cpp" line="265"/>
        <source>Write the selected preset to a .json file</source>
        <translation>将所选预设写入 .json 文件</translation>
    </message>
    <message>
        <location filename="../ui/preset_editor.cpp" line="280"/>
        <source>Built-in presets are read-only. Use Duplicate to make an editable copy.</source>
        <translation>内置预设为只读。请使用“复制”创建可编辑的副本。</translation>
    </message>
    <message>
        <location filename="../ui/preset_editor.cpp" line="301"/>
        <source>General</source>
        <translation>常规</translation>
    </message>
    <message>
        <location filename="../ui/preset_editor.cpp" line="304"/>
        <source>Preset id</source>
        <translation>预设 ID</translation>
    </message>
    <message>
        <location filename="../ui/preset_editor.cpp" line="305"/>
        <source>Short name used by the command line and as the file name (&lt;id&gt;.json): letters, digits, &apos;-&apos;, &apos;_&apos; and &apos;.&apos;</source>
        <translation>用于命令行和文件名（&lt;id&gt;.json）的短名称：字母、数字、“-”、“_”和“.”</translation>
    </message>
    <message>
        <location filename="../ui/preset_editor.cpp" line="306"/>
        <source>&amp;Id</source>
        <translation>ID(&amp;I)</translation>
    </message>
    <message>
        <location filename="../ui/preset_editor.cpp" line="308"/>
        <source>Preset name</source>
        <translation>预设名称</translation>
    </message>
    <message>
        <location filename="../ui/preset_editor.cpp" line="309"/>
        <source>&amp;Name</source>
        <translation>名称(&amp;N)</translation>
    </message>
    <message>
        <location filename="../ui/preset_editor.cpp" line="311"/>
        <source>Description</source>
        <translation>描述</translation>
    </message>
    <message>
        <location filename="../ui/preset_editor.cpp" line="315"/>
        <source>Descrip&amp;tion</source>
        <translation>描述(&amp;T)</translation>
    </message>
    <message>
        <location filename="../ui/preset_editor.cpp" line="317"/>
        <source>Container</source>
        <translation>容器</translation>
    </message>
    <message>
        <location filename="../ui/preset_editor.cpp" line="318"/>
        <source>MP4 (mp4)</source>
        <translation>MP4（mp4）</translation>
    </message>
    <message>
        <location filename="../ui/preset_editor.cpp" line="319"/>
        <source>Matroska (matroska)</source>
        <translation>Matroska（matroska）</translation>
    </message>
    <message>
        <location filename="../ui/preset_editor.cpp" line="320"/>
        <source>QuickTime (mov)</source>
        <translation>QuickTime（mov）</translation>
    </message>
    <message>
        <location filename="../ui/preset_editor.cpp" line="321"/>
        <source>&amp;Container</source>
        <translation>容器(&amp;C)</translation>
    </message>
    <message>
        <location filename="../ui/preset_editor.cpp" line="323"/>
        <source>File extension</source>
        <translation>文件扩展名</translation>
    </message>
    <message>
        <location filename="../ui/preset_editor.cpp" line="324"/>
        <source>Extension of the output files, starting with &apos;.&apos;</source>
        <translation>输出文件的扩展名，以“.”开头</translation>
    </message>
    <message>
        <location filename="../ui/preset_editor.cpp" line="325"/>
        <source>E&amp;xtension</source>
        <translation>扩展名(&amp;X)</translation>
    </message>
    <message>
        <location filename="../ui/preset_editor.cpp" line="331"/>
        <source>Video</source>
        <translation>视频</translation>
    </message>
    <message>
        <location filename="../ui/preset_editor.cpp" line="334"/>
        <source>Video codec</source>
        <translation>视频编解码器</translation>
    </message>
    <message>
        <location filename="../ui/preset_editor.cpp" line="335"/>
        <source>H.264 (libx264)</source>
        <translation>H.264（libx264）</translation>
    </message>
    <message>
        <location filename="../ui/preset_editor.cpp" line="336"/>
        <source>HEVC (libx265)</source>
        <translation>HEVC（libx265）</translation>
    </message>
    <message>
        <location filename="../ui/preset_editor.cpp" line="337"/>
        <source>AV1 (libsvtav1)</source>
        <translation>AV1（libsvtav1）</translation>
    </message>
    <message>
        <location filename="../ui/preset_editor.cpp" line="338"/>
        <source>FFV1, lossless (ffv1)</source>
        <translation>FFV1，无损（ffv1）</translation>
    </message>
    <message>
        <location filename="../ui/preset_editor.cpp" line="339"/>
        <source>ProRes (prores_ks)</source>
        <translation>ProRes（prores_ks）</translation>
    </message>
    <message>
        <location filename="../ui/preset_editor.cpp" line="340"/>
        <source>C&amp;odec</source>
        <translation>编解码器(&amp;O)</translation>
    </message>
    <message>
        <location filename="../ui/preset_editor.cpp" line="344"/>
        <source>Pixel format</source>
        <translation>像素格式</translation>
    </message>
    <message>
        <location filename="../ui/preset_editor.cpp" line="345"/>
        <source>FFmpeg pixel format, e.g. yuv420p (8-bit) or yuv420p10le (10-bit)</source>
        <translation>FFmpeg 像素格式，例如 yuv420p（8 位）或 yuv420p10le（10 位）</translation>
    </message>
    <message>
        <location filename="../ui/preset_editor.cpp" line="346"/>
        <source>Pixel &amp;format</source>
        <translation>像素格式(&amp;F)</translation>
    </message>
    <message>
        <location filename="../ui/preset_editor.cpp" line="348"/>
        <source>Constant quality (CRF)</source>
        <translation>恒定质量（CRF）</translation>
    </message>
    <message>
        <location filename="../ui/preset_editor.cpp" line="350"/>
        <location filename="../ui/preset_editor.cpp" line="358"/>
        <source>not used</source>
        <translation>不使用</translation>
    </message>
    <message>
        <location filename="../ui/preset_editor.cpp" line="351"/>
        <source>Lower is better quality and larger files; &quot;not used&quot; leaves it to the bit rate or the encoder</source>
        <translation>数值越低，质量越好、文件越大；“不使用”则交由码率或编码器决定</translation>
    </message>
    <message>
        <location filename="../ui/preset_editor.cpp" line="352"/>
        <source>C&amp;RF</source>
        <translation>CRF(&amp;R)</translation>
    </message>
    <message>
        <location filename="../ui/preset_editor.cpp" line="354"/>
        <source>Video bit rate in kbit/s</source>
        <translation>视频码率（kbit/s）</translation>
    </message>
    <message>
        <location filename="../ui/preset_editor.cpp" line="357"/>
        <location filename="../ui/preset_editor.cpp" line="402"/>
        <source> kbit/s</source>
        <translation> kbit/s</translation>
    </message>
    <message>
        <location filename="../ui/preset_editor.cpp" line="359"/>
        <source>&amp;Bit rate</source>
        <translation>码率(&amp;B)</translation>
    </message>
    <message>
        <location filename="../ui/preset_editor.cpp" line="363"/>
        <source>Encoder speed preset</source>
        <translation>编码器速度预设</translation>
    </message>
    <message>
        <location filename="../ui/preset_editor.cpp" line="364"/>
        <source>encoder default</source>
        <translation>编码器默认值</translation>
    </message>
    <message>
        <location filename="../ui/preset_editor.cpp" line="365"/>
        <source>Encoder pre&amp;set</source>
        <translation>编码器预设(&amp;S)</translation>
    </message>
    <message>
        <location filename="../ui/preset_editor.cpp" line="367"/>
        <source>Encoder and muxer options</source>
        <translation>编码器和封装器选项</translation>
    </message>
    <message>
        <location filename="../ui/preset_editor.cpp" line="370"/>
        <source>one key=value per line, e.g. movflags=+faststart</source>
        <translation>每行一个 key=value，例如 movflags=+faststart</translation>
    </message>
    <message>
        <location filename="../ui/preset_editor.cpp" line="372"/>
        <source>Options</source>
        <translation>选项</translation>
    </message>
    <message>
        <location filename="../ui/preset_editor.cpp" line="378"/>
        <source>Audio and subtitles</source>
        <translation>音频和字幕</translation>
    </message>
    <message>
        <location filename="../ui/preset_editor.cpp" line="382"/>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <location filename="../ui/preset_editor.cpp" line="383"/>
        <source>Transcode</source>
        <translation>转码</translation>
    </message>
    <message>
        <location filename="../ui/preset_editor.cpp" line="384"/>
        <source>Drop</source>
        <translation>丢弃</translation>
    </message>
    <message>
        <location filename="../ui/preset_editor.cpp" line="388"/>
        <source>Audio policy</source>
        <translation>音频策略</translation>
    </message>
    <message>
        <location filename="../ui/preset_editor.cpp" line="389"/>
        <source>Copy keeps the original audio (transcoded to the fallback codec where the container cannot hold it)</source>
        <translation>“复制”保留原始音频（容器不支持时转码为备用编解码器）</translation>
    </message>
    <message>
        <location filename="../ui/preset_editor.cpp" line="390"/>
        <source>&amp;Audio</source>
        <translation>音频(&amp;A)</translation>
    </message>
    <message>
        <location filename="../ui/preset_editor.cpp" line="396"/>
        <source>Audio fallback codec</source>
        <translation>备用音频编解码器</translation>
    </message>
    <message>
        <location filename="../ui/preset_editor.cpp" line="397"/>
        <source>Audio fallbac&amp;k codec</source>
        <translation>备用音频编解码器(&amp;K)</translation>
    </message>
    <message>
        <location filename="../ui/preset_editor.cpp" line="399"/>
        <source>Audio fallback bit rate in kbit/s</source>
        <translation>备用音频码率（kbit/s）</translation>
    </message>
    <message>
        <location filename="../ui/preset_editor.cpp" line="403"/>
        <source>codec default</source>
        <translation>编解码器默认值</translation>
    </message>
    <message>
        <location filename="../ui/preset_editor.cpp" line="404"/>
        <source>Audio fallback bit rate</source>
        <translation>备用音频码率</translation>
    </message>
    <message>
        <location filename="../ui/preset_editor.cpp" line="406"/>
        <source>Subtitle policy</source>
        <translation>字幕策略</translation>
    </message>
    <message>
        <location filename="../ui/preset_editor.cpp" line="407"/>
        <source>S&amp;ubtitles</source>
        <translation>字幕(&amp;U)</translation>
    </message>
    <message>
        <location filename="../ui/preset_editor.cpp" line="413"/>
        <location filename="../ui/preset_editor.cpp" line="417"/>
        <source>Final scale</source>
        <translation>最终缩放</translation>
    </message>
    <message>
        <location filename="../ui/preset_editor.cpp" line="418"/>
        <source>None (keep the ×4 size)</source>
        <translation>无（保持 ×4 尺寸）</translation>
    </message>
    <message>
        <location filename="../ui/preset_editor.cpp" line="419"/>
        <source>Factor of the ×4 result</source>
        <translation>×4 结果的倍数</translation>
    </message>
    <message>
        <location filename="../ui/preset_editor.cpp" line="420"/>
        <source>Target height</source>
        <translation>目标高度</translation>
    </message>
    <message>
        <location filename="../ui/preset_editor.cpp" line="422"/>
        <source>Scale factor</source>
        <translation>缩放系数</translation>
    </message>
    <message>
        <location filename="../ui/preset_editor.cpp" line="426"/>
        <source>Applied to the ×4 result: 0.5 gives ×2</source>
        <translation>应用于 ×4 结果：0.5 即为 ×2</translation>
    </message>
    <message>
        <location filename="../ui/preset_editor.cpp" line="428"/>
        <source>Target height in pixels</source>
        <translation>目标高度（像素）</translation>
    </message>
    <message>
        <location filename="../ui/preset_editor.cpp" line="430"/>
        <source> px</source>
        <translation> px</translation>
    </message>
    <message>
        <location filename="../ui/preset_editor.cpp" line="431"/>
        <source>Final height; the width keeps the aspect ratio</source>
        <translation>最终高度；宽度按宽高比自动调整</translation>
    </message>
    <message>
        <location filename="../ui/preset_editor.cpp" line="435"/>
        <source>Output si&amp;ze</source>
        <translation>输出尺寸(&amp;Z)</translation>
    </message>
    <message>
        <location filename="../ui/preset_editor.cpp" line="436"/>
        <source>Resample anamorphic sources to square pixels</source>
        <translation>将变形宽银幕源重采样为方形像素</translation>
    </message>
    <message>
        <location filename="../ui/preset_editor.cpp" line="437"/>
        <source>Square pixels</source>
        <translation>方形像素</translation>
    </message>
    <message>
        <location filename="../ui/preset_editor.cpp" line="438"/>
        <source>DV and DVD store 4:3 or 16:9 pictures in non-square pixels; by default the output keeps that pixel aspect, which players honour; this resamples the width instead</source>
        <translation>DV 和 DVD 以非方形像素存储 4:3 或 16:9 画面；默认情况下输出保留该像素宽高比（播放器会遵循）；此选项改为重采样宽度</translation>
    </message>
    <message>
        <location filename="../ui/preset_editor.cpp" line="440"/>
        <source>Pixel aspect</source>
        <translation>像素宽高比</translation>
    </message>
    <message>
        <location filename="../ui/preset_editor.cpp" line="441"/>
        <source>Turn rotated phone videos upright in the pixels</source>
        <translation>将旋转的手机视频在像素中转正</translation>
    </message>
    <message>
        <location filename="../ui/preset_editor.cpp" line="442"/>
        <source>Bake rotation</source>
        <translation>写入旋转</translation>
    </message>
    <message>
        <location filename="../ui/preset_editor.cpp" line="443"/>
        <source>By default the rotation tag is copied (lossless); some players ignore it. Matroska cannot hold the tag, so its outputs are always turned</source>
        <translation>默认复制旋转标记（无损）；有些播放器会忽略它。Matroska 不能保存该标记，因此其输出总是被转正</translation>
    </message>
    <message>
        <location filename="../ui/preset_editor.cpp" line="445"/>
        <source>Rotation</source>
        <translation>旋转</translation>
    </message>
    <message>
        <location filename="../ui/preset_editor.cpp" line="455"/>
        <source>&amp;JSON preview</source>
        <translation>JSON 预览(&amp;J)</translation>
    </message>
    <message>
        <location filename="../ui/preset_editor.cpp" line="457"/>
        <source>JSON preview</source>
        <translation>JSON 预览</translation>
    </message>
    <message>
        <location filename="../ui/preset_editor.cpp" line="206"/>
        <source>Re&amp;vert</source>
        <translation>还原(&amp;V)</translation>
    </message>
    <message>
        <location filename="../ui/preset_editor.cpp" line="207"/>
        <source>Revert unsaved changes</source>
        <translation>撤销未保存的更改</translation>
    </message>
    <message>
        <location filename="../ui/preset_editor.cpp" line="208"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../ui/preset_editor.cpp" line="209"/>
        <source>Save preset</source>
        <translation>保存预设</translation>
    </message>
    <message>
        <location filename="../ui/preset_editor.cpp" line="210"/>
        <source>Check the preset and write it to %1 (Ctrl+S)</source>
        <translation>检查预设并写入 %1（Ctrl+S）</translation>
    </message>
    <message>
        <location filename="../ui/preset_editor.cpp" line="211"/>
        <location filename="../ui/preset_editor.cpp" line="212"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../ui/preset_editor.cpp" line="526"/>
        <source>Some preset files were skipped (the command line skips them too):
%1</source>
        <translation>已跳过部分预设文件（命令行也会跳过它们）：
%1</translation>
    </message>
    <message>
        <location filename="../ui/preset_editor.cpp" line="596"/>
        <source>%1 (built-in)</source>
        <translation>%1（内置）</translation>
    </message>
    <message>
        <location filename="../ui/preset_editor.cpp" line="598"/>
        <source>%1 (unsaved)</source>
        <translation>%1（未保存）</translation>
    </message>
    <message>
        <location filename="../ui/preset_editor.cpp" line="600"/>
        <source>%1 (modified)</source>
        <translation>%1（已修改）</translation>
    </message>
    <message>
        <location filename="../ui/preset_editor.cpp" line="608"/>
        <source>%1
%2</source>
        <translation>%1
%2</translation>
    </message>
    <message>
        <location filename="../ui/preset_editor.cpp" line="712"/>
        <source>option line %1 is not key=value: &apos;%2&apos;</source>
        <translation>选项第 %1 行不是 key=value 格式：“%2”</translation>
    </message>
    <message>
        <location filename="../ui/preset_editor.cpp" line="750"/>
        <source>Ready to save.</source>
        <translation>可以保存。</translation>
    </message>
    <message>
        <location filename="../ui/preset_editor.cpp" line="752"/>
        <location filename="../ui/preset_editor.cpp" line="873"/>
        <location filename="../ui/preset_editor.cpp" line="881"/>
        <source>Not saved: %1</source>
        <translation>未保存：%1</translation>
    </message>
    <message>
        <location filename="../ui/preset_editor.cpp" line="840"/>
        <source>built-in presets are read-only; use Duplicate to make an editable copy.</source>
        <translation>内置预设为只读；请使用“复制”创建可编辑的副本。</translation>
    </message>
    <message>
        <location filename="../ui/preset_editor.cpp" line="841"/>
        <source>the id is empty.</source>
        <translation>ID 为空。</translation>
    </message>
    <message>
        <location filename="../ui/preset_editor.cpp" line="843"/>
        <source>the id &apos;%1&apos; may only contain letters, digits, &apos;-&apos;, &apos;_&apos; and &apos;.&apos;, starting with a letter or digit (it is the file name and the command-line name).</source>
        <translation>ID“%1”只能包含字母、数字、“-”、“_”和“.”，且必须以字母或数字开头（它同时用作文件名和命令行中的名称）。</translation>
    </message>
    <message>
        <location filename="../ui/preset_editor.cpp" line="846"/>
        <source>the id &apos;%1&apos; belongs to a built-in preset; choose another id.</source>
        <translation>ID“%1”属于内置预设，请选择其他 ID。</translation>
    </message>
    <message>
        <location filename="../ui/preset_editor.cpp" line="847"/>
        <source>the id &apos;%1&apos; is already used by another preset; choose another id.</source>
        <translation>ID“%1”已被其他预设使用，请选择其他 ID。</translation>
    </message>
    <message>
        <location filename="../ui/preset_editor.cpp" line="848"/>
        <source>the name is empty.</source>
        <translation>名称为空。</translation>
    </message>
    <message>
        <location filename="../ui/preset_editor.cpp" line="854"/>
        <source>the preset does not read back unchanged from its JSON.</source>
        <translation>预设从其 JSON 读回后与原内容不一致。</translation>
    </message>
    <message>
        <location filename="../ui/preset_editor.cpp" line="870"/>
        <source>No preset is selected.</source>
        <translation>未选择预设。</translation>
    </message>
    <message>
        <location filename="../ui/preset_editor.cpp" line="889"/>
        <source> The old file %1 could not be removed: %2</source>
        <translation> 无法删除旧文件 %1：%2</translation>
    </message>
    <message>
        <location filename="../ui/preset_editor.cpp" line="896"/>
        <source>Saved to %1.</source>
        <translation>已保存到 %1。</translation>
    </message>
    <message>
        <location filename="../ui/preset_editor.cpp" line="920"/>
        <source>My preset</source>
        <translation>我的预设</translation>
    </message>
    <message>
        <location filename="../ui/preset_editor.cpp" line="930"/>
        <source>New preset &apos;%1&apos;: edit it and save it to use it.</source>
        <translation>新预设“%1”：编辑并保存后即可使用。</translation>
    </message>
    <message>
        <location filename="../ui/preset_editor.cpp" line="941"/>
        <source>%1 (copy)</source>
        <translation>%1（副本）</translation>
    </message>
    <message>
        <location filename="../ui/preset_editor.cpp" line="947"/>
        <source>Copy &apos;%1&apos; made: edit it and save it to use it.</source>
        <translation>已创建副本“%1”：编辑并保存后即可使用。</translation>
    </message>
    <message>
        <location filename="../ui/preset_editor.cpp" line="957"/>
        <source>Built-in presets cannot be deleted.</source>
        <translation>内置预设无法删除。</translation>
    </message>
    <message>
        <location filename="../ui/preset_editor.cpp" line="963"/>
        <source>Delete the preset &apos;%1&apos;?

Its file %2 is removed; the command line will not find it any more.</source>
        <translation>删除预设“%1”？

其文件 %2 将被删除，命令行将无法再找到该预设。</translation>
    </message>
    <message>
        <location filename="../ui/preset_editor.cpp" line="965"/>
        <source>Discard the unsaved preset &apos;%1&apos;?</source>
        <translation>放弃未保存的预设“%1”？</translation>
    </message>
    <message>
        <location filename="../ui/preset_editor.cpp" line="973"/>
        <source>Cannot delete %1: %2</source>
        <translation>无法删除 %1：%2</translation>
    </message>
    <message>
        <location filename="../ui/preset_editor.cpp" line="982"/>
        <source>Deleted &apos;%1&apos;.</source>
        <translation>已删除“%1”。</translation>
    </message>
    <message>
        <location filename="../ui/preset_editor.cpp" line="982"/>
        <source>Discarded &apos;%1&apos;.</source>
        <translation>已放弃“%1”。</translation>
    </message>
    <message>
        <location filename="../ui/preset_editor.cpp" line="996"/>
        <location filename="../ui/preset_editor.cpp" line="1002"/>
        <location filename="../ui/preset_editor.cpp" line="1014"/>
        <source>Cannot import %1: %2</source>
        <translation>无法导入 %1：%2</translation>
    </message>
    <message>
        <location filename="../ui/preset_editor.cpp" line="1006"/>
        <source>Cannot import %1: the id &apos;%2&apos; may only contain letters, digits, &apos;-&apos;, &apos;_&apos; and &apos;.&apos;.</source>
        <translation>无法导入 %1：ID“%2”只能包含字母、数字、“-”、“_”和“.”。</translation>
    </message>
    <message>
        <location filename="../ui/preset_editor.cpp" line="1022"/>
        <source>Imported &apos;%1&apos;.</source>
        <translation>已导入“%1”。</translation>
    </message>
    <message>
        <location filename="../ui/preset_editor.cpp" line="1022"/>
        <source>Imported as &apos;%1&apos;: the id &apos;%2&apos; was taken.</source>
        <translation>已导入为“%1”：ID“%2”已被占用。</translation>
    </message>
    <message>
        <location filename="../ui/preset_editor.cpp" line="1028"/>
        <source>Warning: %1</source>
        <translation>警告：%1</translation>
    </message>
    <message>
        <location filename="../ui/preset_editor.cpp" line="1044"/>
        <source>Not exported: there is no preset &apos;%1&apos;.</source>
        <translation>未导出：不存在预设“%1”。</translation>
    </message>
    <message>
        <location filename="../ui/preset_editor.cpp" line="1045"/>
        <location filename="../ui/preset_editor.cpp" line="1051"/>
        <source>Not exported: %1</source>
        <translation>未导出：%1</translation>
    </message>
    <message>
        <location filename="../ui/preset_editor.cpp" line="1055"/>
        <location filename="../ui/preset_editor.cpp" line="1057"/>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <location filename="../ui/preset_editor.cpp" line="1058"/>
        <source>Exported &apos;%1&apos; to %2.</source>
        <translation>已将“%1”导出到 %2。</translation>
    </message>
    <message>
        <location filename="../ui/preset_editor.cpp" line="1064"/>
        <source>Export presets (*.json);;All files (*)</source>
        <translation>导出预设 (*.json);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../ui/preset_editor.cpp" line="1068"/>
        <source>Import failed</source>
        <translation>导入失败</translation>
    </message>
    <message>
        <location filename="../ui/preset_editor.cpp" line="1076"/>
        <source>Export presets (*.json)</source>
        <translation>导出预设 (*.json)</translation>
    </message>
    <message>
        <location filename="../ui/preset_editor.cpp" line="1081"/>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <location filename="../ui/preset_editor.cpp" line="1089"/>
        <source>Unsaved presets</source>
        <translation>未保存的预设</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/preset_editor.cpp" line="1090"/>
        <source>%n preset(s) have unsaved changes. Close and discard them?</source>
        <translation>
            <numerusform>%n 个预设有未保存的更改。要关闭并放弃这些更改吗？</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>dualx::ui::QueueRunner</name>
    <message>
        <location filename="../ui/queue_runner.cpp" line="69"/>
        <source>Queue paused</source>
        <translation>队列已暂停</translation>
    </message>
    <message>
        <location filename="../ui/queue_runner.cpp" line="80"/>
        <source>Queue resumed</source>
        <translation>队列已恢复</translation>
    </message>
    <message>
        <location filename="../ui/queue_runner.cpp" line="119"/>
        <location filename="../ui/queue_runner.cpp" line="206"/>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location filename="../ui/queue_runner.cpp" line="129"/>
        <source>Started %1 -&gt; %2</source>
        <translation>已开始 %1 -&gt; %2</translation>
    </message>
    <message>
        <location filename="../ui/queue_runner.cpp" line="152"/>
        <source>Warning: %1</source>
        <translation>警告：%1</translation>
    </message>
    <message>
        <location filename="../ui/queue_runner.cpp" line="154"/>
        <source>%1 frames, %2x%3, %4 s</source>
        <translation>%1 帧，%2x%3，%4 秒</translation>
    </message>
    <message>
        <location filename="../ui/queue_runner.cpp" line="178"/>
        <source>Queue finished: %1 done, %2 failed</source>
        <translation>队列已完成：%1 个成功，%2 个失败</translation>
    </message>
    <message>
        <location filename="../ui/queue_runner.cpp" line="206"/>
        <source>Finished %1: %2</source>
        <translation>已完成 %1：%2</translation>
    </message>
</context>
<context>
    <name>dualx::ui::SettingsDialog</name>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="46"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="52"/>
        <source>Automatic (GPU if available)</source>
        <translation>自动（如有 GPU 则使用 GPU）</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="53"/>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="59"/>
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="60"/>
        <source>all %1 cores</source>
        <translation>全部 %1 个核心</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="61"/>
        <source>CPU threads</source>
        <translation>CPU 线程数</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="62"/>
        <source>default (CPU: 112 MSE, 64 GAN; GPU: 512)</source>
        <translation>默认值（CPU：MSE 112，GAN 64；GPU：512）</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="63"/>
        <source>Tile size (input pixels)</source>
        <translation>分块大小（输入像素）</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="65"/>
        <source>Tile overlap</source>
        <translation>分块重叠</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="67"/>
        <source>Temporal window (frames)</source>
        <translation>时间窗口（帧）</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="69"/>
        <source>Window overlap (frames)</source>
        <translation>窗口重叠（帧）</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="72"/>
        <location filename="../ui/settings_dialog.cpp" line="80"/>
        <location filename="../ui/settings_dialog.cpp" line="91"/>
        <source>Off</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="72"/>
        <source>%1 passes (%1× slower)</source>
        <translation>%1 次推理（慢 %1 倍）</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="73"/>
        <source>Runs the model on flipped, transposed and time-reversed copies and averages them (with the MSE model, 8 copies gain about 0.1 dB)</source>
        <translation>在翻转、转置和时间反转的副本上运行模型并取平均（使用 MSE 模型时，8 个副本约提升 0.1 dB）</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="76"/>
        <source>Self-ensemble (TTA)</source>
        <translation>自集成（TTA）</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/settings_dialog.cpp" line="81"/>
        <source>%n frame(s) on each side</source>
        <translation>
            <numerusform>每侧 %n 帧</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="82"/>
        <source>Averages each restored frame with its neighbours, aligned by optical flow, where they agree: less noise and flicker, most on home video</source>
        <translation>将每个修复后的帧与经光流对齐的相邻帧在一致处取平均：噪点和闪烁更少，家庭录像效果最明显</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="85"/>
        <source>Temporal fusion</source>
        <translation>时间融合</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="88"/>
        <source>Automatic (interlaced: one frame per field; film: remove pulldown)</source>
        <translation>自动（隔行：每场一帧；电影：去除下拉）</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="89"/>
        <source>Always, one frame per field (25i to 50p)</source>
        <translation>始终，每场一帧（25i 到 50p）</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="90"/>
        <source>Always, one frame per frame (25i to 25p)</source>
        <translation>始终，每帧一帧（25i 到 25p）</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="92"/>
        <source>Interlaced tapes, DVDs and broadcasts are deinterlaced before restoration, found from the file&apos;s field order and its first frames</source>
        <translation>隔行扫描的录像带、DVD 和广播在修复前去隔行，依据文件的场序和开头的帧判断</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="96"/>
        <source>Deinterlacing</source>
        <translation>去隔行</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="104"/>
        <source>Source quality for new jobs</source>
        <translation>新任务的来源质量</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="177"/>
        <source>Engine</source>
        <translation>引擎</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="177"/>
        <source>Jobs and output</source>
        <translation>任务与输出</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="177"/>
        <source>Cluster</source>
        <translation>集群</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="146"/>
        <source>Scheduler</source>
        <translation>调度器</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="79"/>
        <source>Automatic (MSE model on the CPU: 3 frames each side; off for GAN models and on a GPU)</source>
        <translation>自动（CPU 上的 MSE 模型：每侧 3 帧；GAN 模型和 GPU 上关闭）</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="148"/>
        <source>the cluster&apos;s default</source>
        <translation>集群的默认值</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="149"/>
        <source>Partition</source>
        <translation>分区</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="151"/>
        <source>Slurm&apos;s default</source>
        <translation>Slurm 的默认值</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="152"/>
        <source>CPUs per task</source>
        <translation>每个任务的 CPU</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="154"/>
        <source>GPUs per task</source>
        <translation>每个任务的 GPU</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="156"/>
        <source>no limit</source>
        <translation>不限</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="157"/>
        <source>Tasks at a time</source>
        <translation>同时运行的任务</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="159"/>
        <source>one task per file</source>
        <translation>每个文件一个任务</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="160"/>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="161"/>
        <source>Files at least twice this long are restored as ranges of this length on separate tasks and joined without re-encoding; the result is the same as one run</source>
        <translation>长度至少为此值两倍的文件会按此长度分段，在不同任务上修复，再无需重新编码地合并；结果与一次运行相同</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="163"/>
        <source>Split long files into</source>
        <translation>将长文件分段为</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="165"/>
        <source>Attempts per task</source>
        <translation>每个任务的尝试次数</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="167"/>
        <source>the output folder</source>
        <translation>输出文件夹</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="168"/>
        <source>Every node must see this folder, the sources, the outputs and the model at the same paths</source>
        <translation>每个节点都必须在相同路径下看到此文件夹、源文件、输出和模型</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="169"/>
        <source>Batch folders in</source>
        <translation>批次文件夹位于</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="101"/>
        <source>Tells a source-aware model what the videos are like, so it neither smooths away real detail nor keeps compression artefacts; models without source awareness ignore it</source>
        <translation>告诉感知来源的模型视频的状况，使其既不抹去真实细节，也不保留压缩伪影；不感知来源的模型会忽略此项</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="107"/>
        <source>MSE (faithful)</source>
        <translation>MSE（保真）</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="108"/>
        <source>GAN (sharp)</source>
        <translation>GAN（锐利）</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="110"/>
        <source>Model for new jobs</source>
        <translation>新任务的模型</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="114"/>
        <source>Preset for new jobs</source>
        <translation>新任务的预设</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="118"/>
        <source>beside each source</source>
        <translation>各源文件所在目录</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="119"/>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="121"/>
        <location filename="../ui/settings_dialog.cpp" line="126"/>
        <source>Output folder</source>
        <translation>输出文件夹</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="128"/>
        <source>{name} is the source file name without its extension</source>
        <translation>{name} 为不含扩展名的源文件名</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="129"/>
        <source>Output name</source>
        <translation>输出文件名</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="131"/>
        <source>Jobs at a time</source>
        <translation>同时运行的任务数</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="132"/>
        <source>Quit when the queue is done</source>
        <translation>队列完成后退出</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="136"/>
        <source>System language</source>
        <translation>系统语言</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="139"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../app/studio/main.cpp" line="66"/>
        <source>DualX Studio is already running with the queue %1.</source>
        <translation>DualX Studio 已在运行，队列为 %1。</translation>
    </message>
</context>
</TS>
