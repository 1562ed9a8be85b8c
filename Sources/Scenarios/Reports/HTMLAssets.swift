/// The report page's stylesheet and script, inlined into every report.
enum HTMLAssets {
    static let css = """
    :root{--ok:#1a7f37;--bad:#cf222e;--warn:#9a6700;--muted:#57606a;--line:#d0d7de;--bg:#f6f8fa}
    body{font:14px/1.45 system-ui,-apple-system,Segoe UI,sans-serif;margin:0 auto;max-width:1200px;padding:16px;color:#1f2328}
    h1{font-size:22px;margin:0 0 4px}h2{font-size:18px;border-bottom:1px solid var(--line);padding-bottom:4px}
    h3{font-size:15px;margin:12px 0 6px}small{color:var(--muted);font-weight:normal}
    .summary{font-size:16px;font-weight:600}.summary.passed{color:var(--ok)}.summary.failed{color:var(--bad)}
    .cards{display:flex;gap:8px}.card{padding:4px 10px;border-radius:6px;background:var(--bg);border:1px solid var(--line)}
    .card.passed b{color:var(--ok)}.card.failed b,.card.error b{color:var(--bad)}.card.skipped b{color:var(--warn)}
    .failure{border-left:4px solid var(--bad);padding:2px 12px;margin:8px 0;background:#fff8f8}
    .item{margin:6px 0 10px}.where{color:var(--muted)}.where b{color:#1f2328}
    .pair{display:flex;gap:8px;align-items:flex-start}.pair span{width:64px;color:var(--muted);padding-top:6px}
    pre{margin:2px 0;padding:6px 8px;background:var(--bg);border-radius:4px;white-space:pre-wrap;overflow-x:auto;flex:1}
    pre.expected{border-left:3px solid var(--ok)}pre.actual{border-left:3px solid var(--bad)}
    .filters{display:flex;gap:6px;margin:8px 0}.filters button{border:1px solid var(--line);background:#fff;border-radius:4px;padding:2px 8px;cursor:pointer}
    .filters button.on{background:#1f2328;color:#fff}.filters input{margin-left:auto;padding:2px 6px}
    table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:4px 6px;border-bottom:1px solid var(--line);vertical-align:top}
    tr.row{cursor:pointer}tr.row:hover{background:var(--bg)}
    .badge{font-size:12px;padding:1px 6px;border-radius:10px;color:#fff}.badge.passed{background:var(--ok)}
    .badge.failed,.badge.error{background:var(--bad)}.badge.skipped{background:var(--warn)}
    .detail>td{background:#fcfcfd;padding:8px 16px}.timeline{display:flex;flex-wrap:wrap;gap:4px;list-style:none;padding:0;margin:4px 0 10px}
    .step{padding:2px 8px;border-radius:4px;border:1px solid var(--line);background:#fff}.step.success,.step.complete{border-color:var(--ok)}
    .step.failed{border-color:var(--bad);background:#fff0f0}.step.suspend,.step.waiting{border-color:var(--warn)}.step .attempt{color:var(--muted);font-size:11px}
    .ok{color:var(--ok)}.bad{color:var(--bad)}.diff .add{color:var(--ok)}.diff .del{color:var(--bad)}.diff .hunk{color:#0969da}
    svg.topology{background:var(--bg);border-radius:6px}svg text{font-size:11px}
    """

    static let script = """
    (function(){
    'use strict';
    var data=JSON.parse(document.getElementById('orchlab-data').textContent);
    var tbody=document.querySelector('#scenario-table tbody');
    function el(tag,cls,text){var e=document.createElement(tag);if(cls)e.className=cls;if(text!=null)e.textContent=text;return e;}
    function pre(text,cls){return el('pre',cls,text);}
    function section(parent,title){parent.appendChild(el('h3',null,title));}
    function diff(text){var p=el('pre','diff');text.split('\\n').forEach(function(line){var c=line.indexOf('@@')===0?'hunk':line.charAt(0)==='+'?'add':line.charAt(0)==='-'?'del':null;p.appendChild(el('span',c,line+'\\n'));});return p;}
    function details(s){
      var box=el('div','details');
      if(s.error){section(box,'Error');box.appendChild(pre(s.error,'actual'));}
      if(s.skip_reason){box.appendChild(el('p',null,s.skip_reason));}
      if(s.processes.length){section(box,'Processes');s.processes.forEach(function(p){
        box.appendChild(el('div',null,p.name+' ('+p.workflow+') — '+p.outcome+(p.message?': '+p.message:'')));
        var ol=el('ol','timeline');p.steps.forEach(function(st){var li=el('li','step '+st.status,st.name);li.title=st.status+(st.message?': '+st.message:'');if(st.attempt>1)li.appendChild(el('span','attempt',' #'+st.attempt));ol.appendChild(li);});box.appendChild(ol);});}
      var rows=s.assertions.map(function(a){return {ok:a.passed,name:'assert '+a.name,msg:a.message,exp:a.expected,act:a.actual,loc:a.location};})
        .concat(s.actions.filter(function(a){return a.expected!=null||a.status!=='passed';}).map(function(a){return {ok:a.status==='passed',name:a.summary,msg:a.message,exp:a.expected,act:a.actual,loc:a.location,skip:a.status==='not_run'};}));
      if(rows.length){section(box,'Checks');var t=el('table','checks');var h=el('tr');['','check','expected','actual','where'].forEach(function(x){h.appendChild(el('th',null,x));});t.appendChild(h);
        rows.forEach(function(r){var tr=el('tr');tr.appendChild(el('td',r.skip?'':r.ok?'ok':'bad',r.skip?'–':r.ok?'✔':'✘'));var n=el('td',null,r.name);if(r.msg){n.appendChild(el('div','where',r.msg));}tr.appendChild(n);
          var e=el('td');if(r.exp!=null)e.appendChild(pre(r.exp,'expected'));tr.appendChild(e);var a=el('td');if(r.act!=null)a.appendChild(pre(r.act,r.ok?null:'actual'));tr.appendChild(a);
          tr.appendChild(el('td','where',r.loc.file+':'+r.loc.line));t.appendChild(tr);});box.appendChild(t);}
      var changed=s.config_diffs.filter(function(d){return d.unified_diff;});
      if(changed.length){section(box,'Config changes');changed.forEach(function(d){box.appendChild(el('div',null,d.device));box.appendChild(diff(d.unified_diff));});}
      if(s.snapshot_check&&s.snapshot_check.diff){section(box,'Snapshot changes: '+s.snapshot_check.changes.join(', '));box.appendChild(diff(s.snapshot_check.diff));}
      if(s.topology){section(box,'Topology');box.appendChild(drawing(s.topology));}
      return box;
    }
    function svg(tag,attrs,text){var e=document.createElementNS('http://www.w3.org/2000/svg',tag);for(var k in attrs)e.setAttribute(k,attrs[k]);if(text!=null)e.textContent=text;return e;}
    function drawing(t){
      var size=420,c=size/2,r=size/2-60,pos={};
      t.nodes.forEach(function(n,i){var a=2*Math.PI*i/Math.max(1,t.nodes.length)-Math.PI/2;pos[n.name]={x:c+r*Math.cos(a),y:c+r*Math.sin(a)};});
      var s=svg('svg',{'class':'topology',width:size,height:size,viewBox:'0 0 '+size+' '+size,role:'img'});
      s.appendChild(svg('title',{},'Topology: '+t.nodes.length+' routers, '+t.links.length+' links'));
      t.links.forEach(function(l){var a=pos[l.a.device],b=pos[l.b.device];if(!a||!b)return;
        var m=l.circuit&&l.circuit.under_maintenance,col=l.state==='down'?'#cf222e':m?'#bf8700':'#1a7f37';
        var line=svg('line',{x1:a.x,y1:a.y,x2:b.x,y2:b.y,stroke:col,'stroke-width':l.circuit?3:1.5,'stroke-dasharray':l.state==='down'?'6 4':m?'2 3':'','class':'link '+l.state});
        line.appendChild(svg('title',{},l.a.device+':'+l.a.port+' — '+l.b.device+':'+l.b.port+' '+l.state+(l.circuit?' · '+l.circuit.name+' '+l.circuit.status+(m?' (maintenance)':''):'')));s.appendChild(line);
        if(l.circuit){s.appendChild(svg('text',{x:(a.x+b.x)/2,y:(a.y+b.y)/2-3,'text-anchor':'middle',fill:col},l.circuit.name+(m?' ⚠':'')));}});
      t.nodes.forEach(function(n){var p=pos[n.name];s.appendChild(svg('circle',{cx:p.x,cy:p.y,r:16,fill:n.status==='active'?'#dafbe1':'#eaeef2',stroke:'#57606a'}));
        s.appendChild(svg('text',{x:p.x,y:p.y+30,'text-anchor':'middle'},n.name+(n.status?' ('+n.status+')':'')));});
      return s;
    }
    function toggle(row){var next=row.nextElementSibling;if(next&&next.classList.contains('detail')){next.hidden=!next.hidden;return;}
      var tr=el('tr','detail'),td=el('td');td.colSpan=5;td.appendChild(details(data[+row.dataset.index]));tr.appendChild(td);row.parentNode.insertBefore(tr,row.nextSibling);}
    tbody.addEventListener('click',function(e){var row=e.target.closest('tr.row');if(row)toggle(row);});
    var filter='all',search=document.getElementById('search');
    function apply(){var q=search.value.toLowerCase();Array.prototype.forEach.call(tbody.querySelectorAll('tr.row'),function(row){
      var s=data[+row.dataset.index],show=(filter==='all'||s.status===filter)&&s.name.toLowerCase().indexOf(q)>=0;row.hidden=!show;
      var next=row.nextElementSibling;if(next&&next.classList.contains('detail')&&!show)next.hidden=true;});}
    Array.prototype.forEach.call(document.querySelectorAll('.filters button'),function(b){b.addEventListener('click',function(){
      filter=b.dataset.filter;Array.prototype.forEach.call(document.querySelectorAll('.filters button'),function(x){x.classList.toggle('on',x===b);});apply();});});
    search.addEventListener('input',apply);
    var first=tbody.querySelector('tr.row.failed,tr.row.error');if(first)toggle(first);
    document.body.setAttribute('data-ready','true');
    })();
    """
}
